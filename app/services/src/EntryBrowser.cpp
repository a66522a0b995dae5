#include "services/EntryBrowser.h"

#include "storage/Database.h"

#include <algorithm>
#include <stdexcept>

namespace platnik::services {

EntryBrowser::EntryBrowser(storage::Database& database, int pageSize, std::size_t pagesKept)
    : m_database(&database), m_pageSize(pageSize), m_pagesKept(std::max<std::size_t>(pagesKept, 1)) {
  if (pageSize <= 0) {
    throw std::invalid_argument("EntryBrowser needs a positive page size");
  }
}

void EntryBrowser::forget() {
  m_pages.clear();
  m_recent.clear();
  m_pageEnds.clear();
  m_pageReads = 0;
}

banking::Result<void> EntryBrowser::select(const EntrySelection& selection) {
  auto entries = m_database->entries();
  std::int64_t count = 0;
  if (selection.searchText.empty()) {
    BOOST_OUTCOME_TRY(counted, entries.count(selection.filter));
    count = counted;
  } else {
    BOOST_OUTCOME_TRY(counted, entries.countMatches(selection.searchText, selection.filter));
    count = counted;
  }
  m_selection = selection;
  m_rowCount = count;
  forget();
  return boost::outcome_v2::success();
}

banking::Result<void> EntryBrowser::refresh() {
  return select(EntrySelection(m_selection));
}

banking::Result<const EntryBrowser::Page*> EntryBrowser::page(std::int64_t number) {
  if (const auto it = m_pages.find(number); it != m_pages.end()) {
    m_recent.remove(number);
    m_recent.push_front(number);
    return &it->second;
  }
  // Start after the end of the nearest page read before this one: an index seek, then a
  // skip over the pages between (none when scrolling on).
  storage::PageRequest request;
  request.limit = m_pageSize;
  std::int64_t skipPages = number;
  if (auto it = m_pageEnds.lower_bound(number); it != m_pageEnds.begin()) {
    --it;
    request.after = it->second;
    skipPages = number - it->first - 1;
  }
  request.offset = skipPages * m_pageSize;
  auto entries = m_database->entries();
  auto read = m_selection.searchText.empty()
                  ? entries.list(m_selection.filter, request)
                  : entries.search(m_selection.searchText, m_selection.filter, request);
  if (!read) {
    return read.error();
  }
  ++m_pageReads;
  auto& listed = read.value();
  if (!listed.entries.empty()) {
    const auto& last = listed.entries.back();
    m_pageEnds[number] = storage::EntryCursor{last.date, last.id};
  }
  if (m_pages.size() >= m_pagesKept) {
    m_pages.erase(m_recent.back());
    m_recent.pop_back();
  }
  m_recent.push_front(number);
  return &m_pages.emplace(number, std::move(listed.entries)).first->second;
}

banking::Result<const storage::StoredEntry*> EntryBrowser::row(std::int64_t index) {
  if (index < 0 || index >= m_rowCount) {
    return banking::fail(
        banking::Errc::InvalidArgument,
        "row " + std::to_string(index) + " is outside the list of " + std::to_string(m_rowCount));
  }
  BOOST_OUTCOME_TRY(found, page(index / m_pageSize));
  const auto within = static_cast<std::size_t>(index % m_pageSize);
  if (within >= found->size()) {
    return banking::fail(banking::Errc::NotFound,
                         "row " + std::to_string(index) + " is no longer there: the entries have changed");
  }
  return &(*found)[within];
}

}  // namespace platnik::services
