#pragma once

#include "banking/Error.h"
#include "storage/Entries.h"

#include <cstdint>
#include <list>
#include <map>
#include <string>
#include <vector>

namespace platnik::storage {
class Database;
}

namespace platnik::services {

/// Which entries a list shows: the filters, and search words over every account's
/// counterparties, purposes and references (empty: no search).
struct EntrySelection {
  storage::EntryFilter filter;
  std::string searchText;

  bool operator==(const EntrySelection&) const = default;
};

/// Row i of a filtered list of entries, newest first, for a list that shows a window of
/// rows at a time (a virtual list control): rows are read a page at a time and a few pages
/// are kept; a page is found from the nearest page already read by an index seek plus a
/// short skip, so scrolling on costs one page, never the rows before it. Counting happens
/// once per selection.
class EntryBrowser {
 public:
  explicit EntryBrowser(storage::Database& database, int pageSize = 100, std::size_t pagesKept = 8);

  /// Shows these entries from now on; counts them. A search text with nothing to search
  /// for (only punctuation) is Errc::InvalidArgument and leaves the selection as it was.
  banking::Result<void> select(const EntrySelection& selection);
  /// Reads everything afresh (after an import): the selection stays.
  banking::Result<void> refresh();

  [[nodiscard]] const EntrySelection& selection() const { return m_selection; }
  /// How many entries the selection has.
  [[nodiscard]] std::int64_t rowCount() const { return m_rowCount; }
  /// Row `index` (0 ≤ index < rowCount()); the pointer stays valid until the next call of
  /// row(), select() or refresh(). A row that is gone (the database changed) is NotFound.
  banking::Result<const storage::StoredEntry*> row(std::int64_t index);

  [[nodiscard]] int pageSize() const { return m_pageSize; }
  /// Pages now held in memory (at most the `pagesKept` given).
  [[nodiscard]] std::size_t pagesHeld() const { return m_pages.size(); }
  /// Queries run to read pages since the selection was made.
  [[nodiscard]] std::int64_t pageReads() const { return m_pageReads; }

 private:
  using Page = std::vector<storage::StoredEntry>;
  banking::Result<const Page*> page(std::int64_t number);
  void forget();

  storage::Database* m_database;
  int m_pageSize;
  std::size_t m_pagesKept;
  EntrySelection m_selection;
  std::int64_t m_rowCount = 0;
  std::int64_t m_pageReads = 0;
  std::map<std::int64_t, Page> m_pages;
  std::list<std::int64_t> m_recent;  ///< page numbers, most recently used first
  /// Where each page read so far ends: the next page starts after it.
  std::map<std::int64_t, storage::EntryCursor> m_pageEnds;
};

}  // namespace platnik::services
