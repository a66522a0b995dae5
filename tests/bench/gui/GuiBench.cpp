// GUI benchmark: prints a table, asserts nothing.
//   gui_bench [ENTRIES=1000000] [DATABASE]
// Builds (or, when DATABASE already holds a company, reuses) a company with ENTRIES entries
// over 10 accounts, generated as storage_bench does and imported through
// storage::StatementImport, then measures on a real window: start to usable window (main
// window shown, the Statements page listing entries), the first page after a search, and
// jumps through the million-row virtual list (EnsureVisible at 100 places spread over it).
// Needs an X server: without DISPLAY it says so and exits 0.

#include "Generated.h"
#include "gui/EntryList.h"
#include "gui/Language.h"
#include "gui/MainFrame.h"
#include "gui/StatementsPage.h"
#include "gui/Workspace.h"
#include "storage/Connection.h"
#include "storage/Database.h"
#include "storage/Entries.h"
#include "storage/StatementImport.h"

#include <fmt/format.h>
#include <wx/app.h>
#include <wx/fileconf.h>
#include <wx/init.h>
#include <wx/notebook.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using namespace platnik;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kAccounts = 10;
constexpr int kLinesPerStatement = 100;
constexpr int kStatementsPerImport = 100;

double msSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

template <class T>
T orDie(banking::Result<T> result, const char* what) {
  if (!result) {
    std::fprintf(stderr, "gui_bench: %s: %s\n", what, result.error().describe().c_str());
    std::exit(1);
  }
  if constexpr (!std::is_void_v<T>) {
    return std::move(result).value();
  }
}

/// The storage benchmark's company: statements of 100 lines round-robin over 10 accounts.
void generate(storage::Database& db, std::int64_t total) {
  std::vector<std::string> accounts;
  for (int a = 0; a < kAccounts; ++a) {
    accounts.push_back(storage::testing::accountNumber(1000 + static_cast<std::uint64_t>(a)));
  }
  std::int64_t imported = 0;
  int number = 0;
  while (imported < total) {
    storage::StatementImport import(db.connection());
    for (int s = 0; s < kStatementsPerImport && imported < total; ++s) {
      ++number;
      const int lines = static_cast<int>(std::min<std::int64_t>(kLinesPerStatement, total - imported));
      const auto statement = storage::testing::makeStatement(
          accounts[static_cast<std::size_t>(number % kAccounts)], number, lines, number / kAccounts);
      orDie(storage::testing::feed(import, statement), "import");
      imported += lines;
    }
    orDie(import.commit("bench"), "commit");
  }
}

/// Lets the window handle everything pending (painting included).
void settle() {
  wxTheApp->Yield(true);
  wxTheApp->ProcessIdle();
  wxTheApp->Yield(true);
}

struct Stats {
  double median = 0;
  double p95 = 0;
  double max = 0;
};

Stats stats(std::vector<double> times) {
  std::sort(times.begin(), times.end());
  return {times[times.size() / 2], times[std::min(times.size() - 1, times.size() * 95 / 100)], times.back()};
}

}  // namespace

int main(int argc, char** argv) {
  if (std::getenv("DISPLAY") == nullptr) {
    std::printf("gui_bench: skipped, no DISPLAY (the benchmark needs an X server, e.g. Xvfb)\n");
    return 0;
  }
  const std::int64_t total = argc > 1 ? std::atoll(argv[1]) : 1'000'000;
  if (total < kAccounts * kLinesPerStatement) {
    std::fprintf(stderr, "usage: gui_bench [ENTRIES >= %d] [DATABASE]\n", kAccounts * kLinesPerStatement);
    return 2;
  }
  const bool keep = argc > 2;
  const fs::path path =
      keep ? fs::path(argv[2])
           : fs::temp_directory_path() / fmt::format("platnik-gui-bench-{}.platnik", getpid());
  const auto removeDatabase = [&] {
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::error_code ignored;
      fs::remove(path.string() + suffix, ignored);
    }
  };
  {
    auto db = orDie(storage::Database::create(path), "create");
    const auto present = orDie(db.entries().count({}), "count");
    if (present != total) {
      if (present != 0) {
        std::fprintf(stderr, "gui_bench: %s holds %lld entries, not %lld\n", path.c_str(),
                     static_cast<long long>(present), static_cast<long long>(total));
        return 2;
      }
      const auto start = Clock::now();
      generate(db, total);
      orDie(db.connection().exec("PRAGMA wal_checkpoint(TRUNCATE)"), "checkpoint");
      std::printf("generated %lld entries in %.1f s\n", static_cast<long long>(total),
                  msSince(start) / 1000.0);
    }
  }

  wxApp::SetInstance(new wxApp);
  // A failed wxASSERT is reported on stderr, never as a dialog that would stop the run.
  wxSetAssertHandler(
      [](const wxString& file, int line, const wxString& func, const wxString& cond, const wxString& msg) {
        std::fprintf(stderr, "gui_bench: wx assertion %s failed in %s (%s:%d): %s\n", cond.utf8_str().data(),
                     func.utf8_str().data(), file.utf8_str().data(), line, msg.utf8_str().data());
      });
  int wxArgc = 1;
  char* wxArgv[] = {argv[0], nullptr};
  if (!wxEntryStart(wxArgc, wxArgv)) {
    std::fprintf(stderr, "gui_bench: cannot start wxWidgets\n");
    return 1;
  }
  gui::ensureUtf8Text();  // as the program does: under a plain C locale "…" labels became empty
  const fs::path settings = fs::temp_directory_path() / fmt::format("platnik-gui-bench-{}.ini", getpid());
  wxConfigBase::Set(new wxFileConfig("platnik-bench", wxEmptyString, wxString::FromUTF8(settings.string()),
                                     wxEmptyString, wxCONFIG_USE_LOCAL_FILE));
  wxTheApp->CallOnInit();

  // Start to usable window: open the database, build the window, show it with the
  // Statements page in front and its first rows painted.
  const auto startWindow = Clock::now();
  auto workspace = std::make_unique<gui::Workspace>(orDie(storage::Database::open(path), "open"));
  auto* frame = new gui::MainFrame(*workspace);
  auto* page = frame->statementsPage();
  frame->pages()->SetSelection(static_cast<size_t>(frame->pages()->FindPage(page)));
  frame->Show();
  settle();
  const auto firstRow = page->cellText(0, gui::EntryList::kCounterparty);
  settle();
  const double startMs = msSince(startWindow);
  const auto rows = page->rowCount();

  // First page after a search: the filters applied (count included) and the visible rows read.
  const std::vector<std::string> words{"cacak",     "elektroprivreda", "faktur", "zakup",   "porez",
                                       "beohemija", "muller",          "struju", "telekom", "avansa"};
  std::vector<double> searchTimes;
  std::vector<std::int64_t> hits;
  for (const auto& word : words) {
    page->searchControl()->ChangeValue(wxString::FromUTF8(word));
    const auto start = Clock::now();
    page->applyFilters();
    page->entryList()->EnsureVisible(0);
    settle();
    searchTimes.push_back(msSince(start));
    hits.push_back(page->rowCount());
  }
  page->searchControl()->ChangeValue(wxEmptyString);
  page->applyFilters();
  settle();

  // Jumps through the whole list: 100 places spread over it, each shown and painted.
  std::vector<double> jumpTimes;
  auto* list = page->entryList();
  const long count = list->GetItemCount();
  for (int i = 0; i < 100; ++i) {
    // A spread that is not monotonic: forward and back, as a user drags the thumb.
    const long target = static_cast<long>((static_cast<std::int64_t>(count - 1) * ((i * 37) % 100)) / 99);
    const auto start = Clock::now();
    list->EnsureVisible(target);
    list->Update();
    settle();
    (void)page->cellText(target, gui::EntryList::kAmount);
    jumpTimes.push_back(msSince(start));
  }
  // Scrolling on from one place: the next screenful, 100 times.
  std::vector<double> scrollTimes;
  long at = count / 2;
  for (int i = 0; i < 100 && at + 40 < count; ++i, at += 30) {
    const auto start = Clock::now();
    list->EnsureVisible(at + 30);
    list->Update();
    settle();
    scrollTimes.push_back(msSince(start));
  }

  const auto search = stats(searchTimes);
  const auto jump = stats(jumpTimes);
  const auto scroll = stats(scrollTimes);
  fmt::print("Platnik GUI benchmark: {} entries over {} accounts ({} rows listed, first \"{}\")\n\n", total,
             kAccounts, rows, firstRow.utf8_string());
  fmt::print("{:<52} {:>12}\n", "measure", "ms");
  fmt::print("{:-<65}\n", "");
  fmt::print("{:<52} {:>12.1f}\n", "start to usable window (Statements page filled)", startMs);
  fmt::print("{:<52} {:>12.1f}\n", "first page after a search: median", search.median);
  fmt::print("{:<52} {:>12.1f}\n", "first page after a search: max", search.max);
  fmt::print("{:<52} {:>12.1f}\n", "jump to a row anywhere (EnsureVisible): median", jump.median);
  fmt::print("{:<52} {:>12.1f}\n", "jump to a row anywhere (EnsureVisible): p95", jump.p95);
  fmt::print("{:<52} {:>12.1f}\n", "jump to a row anywhere (EnsureVisible): max", jump.max);
  fmt::print("{:<52} {:>12.1f}\n", "scroll on by a screenful: median", scroll.median);
  fmt::print("{:<52} {:>12.1f}\n", "scroll on by a screenful: max", scroll.max);
  fmt::print("\nsearch hits:");
  for (std::size_t i = 0; i < words.size(); ++i) {
    fmt::print(" {}={}", words[i], hits[i]);
  }
  fmt::print("\n");

  frame->Destroy();
  settle();
  workspace.reset();
  delete wxConfigBase::Set(nullptr);
  wxEntryCleanup();
  std::error_code ignored;
  fs::remove(settings, ignored);
  if (!keep) {
    removeDatabase();
  }
  return 0;
}
