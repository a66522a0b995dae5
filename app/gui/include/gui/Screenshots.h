#pragma once

#include <filesystem>
#include <vector>

class wxNotebook;
class wxTopLevelWindow;

namespace platnik::gui {

/// Shows every page of the notebook in turn and saves the window as PNG files in `folder`
/// ("01-<page>.png", …). Returns the files written.
std::vector<std::filesystem::path> saveScreenshots(wxTopLevelWindow& window, wxNotebook& pages,
                                                   const std::filesystem::path& folder);

}  // namespace platnik::gui
