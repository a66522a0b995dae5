#include "gui/ImportDialog.h"

#include "banking/formats/Format.h"
#include "gui/Display.h"
#include "storage/Database.h"

#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/gauge.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>
#include <exception>

namespace platnik::gui {
namespace {

StatementFileChooser& chooser() {
  static StatementFileChooser chosen;
  return chosen;
}

std::vector<std::filesystem::path> askForFiles(wxWindow* parent) {
  wxFileDialog dialog(
      parent, _("Import statements"), wxEmptyString, wxEmptyString,
      _("Statement files (*.xml;*.txt;*.sta;*.mt940;*.940)|*.xml;*.XML;*.txt;*.TXT;*.sta;*.STA;"
        "*.mt940;*.940|All files|*"),
      wxFD_OPEN | wxFD_MULTIPLE | wxFD_FILE_MUST_EXIST);
  if (dialog.ShowModal() != wxID_OK) {
    return {};
  }
  wxArrayString paths;
  dialog.GetPaths(paths);
  std::vector<std::filesystem::path> files;
  for (const auto& path : paths) {
    files.emplace_back(path.utf8_string());
  }
  return files;
}

wxString fileName(const std::filesystem::path& path) {
  return fromUtf8(path.filename().string());
}

wxString problemText(const banking::Error& error) {
  if (error.code == banking::Errc::Cancelled) {
    return _("Cancelled: nothing of this file was imported.");
  }
  return fromUtf8(error.describe());
}

wxString balanceText(const std::optional<banking::Balance>& balance) {
  return balance ? displayAmountWithCurrency(balance->amount) : wxString("-");
}

wxString reportText(const storage::ImportReport& report) {
  return wxString::Format(_("%lld new, %lld already there"), static_cast<long long>(report.entriesNew),
                          static_cast<long long>(report.entriesAlreadyPresent));
}

enum Column { kFile, kFormat, kAccount, kNumber, kDate, kEntries, kOpening, kClosing, kResult };

}  // namespace

void setStatementFileChooser(StatementFileChooser chosen) {
  chooser() = std::move(chosen);
}

void importStatementFiles(wxWindow* parent, Workspace& workspace) {
  auto files = chooser() ? chooser()(parent) : askForFiles(parent);
  if (files.empty()) {
    return;
  }
  auto* dialog = new StatementImportDialog(parent, workspace, std::move(files));
  dialog->Show();
}

StatementImportDialog::StatementImportDialog(wxWindow* parent, Workspace& workspace,
                                             std::vector<std::filesystem::path> files)
    : wxDialog(parent, wxID_ANY, _("Import statements"), wxDefaultPosition, wxSize(980, 420),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, kName),
      m_workspace(workspace),
      m_databasePath(workspace.database().path()) {
  for (auto& path : files) {
    m_files.push_back(FileState{std::move(path), {}, {}, {}, {}});
  }
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
  const std::pair<wxString, int> columns[] = {
      {_("File"), 150},  {_("Format"), 90},  {_("Account"), 150},         {_("Number"), 60},
      {_("Date"), 85},   {_("Entries"), 60}, {_("Opening balance"), 120}, {_("Closing balance"), 120},
      {_("Result"), 300}};
  for (const auto& [title, width] : columns) {
    m_list->AppendColumn(title, wxLIST_FORMAT_LEFT, width);
  }
  sizer->Add(m_list, wxSizerFlags(1).Expand().Border(wxALL, 8));
  m_gauge = new wxGauge(this, wxID_ANY, 100);
  sizer->Add(m_gauge, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 8));
  m_status = new wxStaticText(this, wxID_ANY, wxEmptyString);
  sizer->Add(m_status, wxSizerFlags().Expand().Border(wxALL, 8));
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  m_import = new wxButton(this, wxID_ANY, _("&Import"));
  m_cancel = new wxButton(this, wxID_CANCEL, _("Cancel"));
  m_close = new wxButton(this, wxID_CLOSE, _("Close"));
  buttons->Add(m_import, wxSizerFlags().Border(wxRIGHT, 8));
  buttons->Add(m_cancel, wxSizerFlags().Border(wxRIGHT, 8));
  buttons->Add(m_close);
  sizer->Add(buttons, wxSizerFlags().Right().Border(wxALL, 8));
  SetSizer(sizer);
  SetEscapeId(wxID_NONE);  // Escape must not close the dialog behind a running import's back

  m_import->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { startImport(); });
  m_cancel->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { cancel(); });
  m_close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); });
  Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) {
    cancel();
    if (m_worker.joinable()) {
      m_worker.join();
    }
    Destroy();
  });
  fillList();
  startPreview();
}

StatementImportDialog::~StatementImportDialog() {
  m_cancelled = true;
  if (m_worker.joinable()) {
    m_worker.join();
  }
}

wxString StatementImportDialog::summary() const {
  return m_status->GetLabel();
}

void StatementImportDialog::runWorker(std::function<void()> work) {
  if (m_worker.joinable()) {
    m_worker.join();
  }
  m_cancelled = false;
  m_busy = true;
  m_lastPercent = -1;
  m_gauge->SetValue(0);
  updateButtons();
  m_worker = std::thread([this, work = std::move(work)] {
    try {
      work();
    } catch (const std::exception& error) {
      const std::string what = error.what();
      CallAfter([this, what] { wxMessageBox(fromUtf8(what), _("Import statements"), wxICON_ERROR, this); });
    }
    CallAfter([this] { finishWork(); });
  });
}

void StatementImportDialog::reportProgress(std::size_t file, std::uintmax_t done, std::uintmax_t total) {
  // Each file is an equal part of the gauge.
  const double part = total == 0 ? 1.0 : static_cast<double>(done) / static_cast<double>(total);
  const int percent =
      static_cast<int>(100.0 * (static_cast<double>(file) + part) / static_cast<double>(m_files.size()));
  if (percent != m_lastPercent) {
    m_lastPercent = percent;
    m_gauge->SetValue(std::clamp(percent, 0, 100));
  }
}

void StatementImportDialog::finishWork() {
  if (m_worker.joinable()) {
    m_worker.join();
  }
  m_busy = false;
  fillList();
  updateButtons();
}

void StatementImportDialog::startPreview() {
  m_status->SetLabel(_("Reading the files…"));
  std::vector<std::filesystem::path> paths;
  for (const auto& file : m_files) {
    paths.push_back(file.path);
  }
  runWorker([this, paths] {
    for (std::size_t i = 0; i < paths.size(); ++i) {
      services::FileProgress control;
      control.cancel = &m_cancelled;
      control.progress = [this, i](std::uintmax_t done, std::uintmax_t total) {
        CallAfter([this, i, done, total] { reportProgress(i, done, total); });
      };
      auto preview = services::previewStatementFile(paths[i], control);
      CallAfter([this, i, preview = std::move(preview)] {
        if (preview) {
          m_files[i].preview = preview.value();
        } else {
          m_files[i].problem = preview.error();
        }
      });
      if (m_cancelled) {
        break;
      }
    }
  });
}

void StatementImportDialog::startImport() {
  if (m_busy) {
    return;
  }
  std::vector<std::pair<std::size_t, std::filesystem::path>> toImport;
  for (std::size_t i = 0; i < m_files.size(); ++i) {
    m_files[i].report.reset();
    m_files[i].importProblem.reset();
    if (m_files[i].preview) {
      toImport.emplace_back(i, m_files[i].path);
    }
  }
  if (toImport.empty()) {
    return;
  }
  m_imported = true;
  m_status->SetLabel(_("Importing…"));
  runWorker([this, toImport, databasePath = m_databasePath] {
    // The worker's own connection: SQLite connections are not shared between threads.
    auto database = storage::Database::open(databasePath);
    for (const auto& [index, path] : toImport) {
      const std::size_t i = index;
      banking::Result<storage::ImportReport> result = banking::fail(banking::Errc::Cancelled, "cancelled");
      if (!database) {
        result = boost::outcome_v2::failure(database.error());
      } else if (!m_cancelled) {
        services::FileProgress control;
        control.cancel = &m_cancelled;
        control.progress = [this, i](std::uintmax_t done, std::uintmax_t total) {
          CallAfter([this, i, done, total] { reportProgress(i, done, total); });
        };
        result = services::importStatementFile(database.value(), path, control);
      }
      CallAfter([this, i, result = std::move(result)] {
        if (result) {
          m_files[i].report = result.value();
        } else {
          m_files[i].importProblem = result.error();
        }
      });
    }
  });
}

void StatementImportDialog::cancel() {
  m_cancelled = true;
}

void StatementImportDialog::fillList() {
  m_list->DeleteAllItems();
  long row = 0;
  int readable = 0;
  int imported = 0;
  std::int64_t entriesNew = 0;
  std::int64_t entriesThere = 0;
  for (const auto& file : m_files) {
    const auto addRow = [&](const wxString& result) {
      m_list->InsertItem(row, fileName(file.path));
      m_list->SetItem(row, kResult, result);
      return row++;
    };
    wxString result;
    if (file.importProblem) {
      result = problemText(*file.importProblem);
    } else if (file.report) {
      result = reportText(*file.report);
      ++imported;
      entriesNew += file.report->entriesNew;
      entriesThere += file.report->entriesAlreadyPresent;
    }
    if (file.problem) {
      const long at = addRow(problemText(*file.problem));
      m_list->SetItem(at, kFormat, "-");
      m_list->SetItemTextColour(at, wxColour(176, 0, 32));
      continue;
    }
    if (!file.preview) {
      addRow(m_busy ? _("Reading…") : _("Not read"));
      continue;
    }
    ++readable;
    if (file.preview->statements.empty()) {
      const long at = addRow(result.empty() ? _("No statements in this file") : result);
      m_list->SetItem(at, kFormat, fromUtf8(banking::formats::formatName(file.preview->format)));
      continue;
    }
    bool first = true;
    for (const auto& statement : file.preview->statements) {
      const auto& info = statement.info;
      // The file's result stands on its first statement's row.
      const long at = addRow(first ? (result.empty() ? _("Ready to import") : result) : wxString());
      first = false;
      m_list->SetItem(at, kFormat, fromUtf8(banking::formats::formatName(file.preview->format)));
      m_list->SetItem(at, kAccount, fromUtf8(info.account.empty() ? info.iban : info.account));
      m_list->SetItem(at, kNumber, fromUtf8(info.number));
      m_list->SetItem(at, kDate, info.date ? displayDate(*info.date) : wxString("-"));
      m_list->SetItem(at, kEntries, wxString::Format("%lld", static_cast<long long>(statement.entries)));
      m_list->SetItem(at, kOpening, balanceText(info.opening));
      m_list->SetItem(at, kClosing, balanceText(info.closing));
    }
  }
  if (m_busy) {
    return;
  }
  m_gauge->SetValue(m_cancelled ? m_gauge->GetValue() : 100);
  if (m_imported) {
    m_status->SetLabel(wxString::Format(_("%d of %zu files imported: %lld entries new, %lld already there."),
                                        imported, m_files.size(), static_cast<long long>(entriesNew),
                                        static_cast<long long>(entriesThere)));
  } else {
    m_status->SetLabel(wxString::Format(_("%d of %zu files can be imported."), readable, m_files.size()));
  }
}

void StatementImportDialog::updateButtons() {
  const bool anyReadable = std::any_of(m_files.begin(), m_files.end(),
                                       [](const FileState& file) { return file.preview.has_value(); });
  m_import->Enable(!m_busy && anyReadable);
  m_cancel->Enable(m_busy);
  if (!m_busy && m_imported) {
    // The other pages show what came in.
    m_workspace.changed(Workspace::Change::Statements);
  }
}

}  // namespace platnik::gui
