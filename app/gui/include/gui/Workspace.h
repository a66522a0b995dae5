#pragma once

#include "storage/Database.h"

#include <functional>
#include <map>
#include <string>
#include <utility>

namespace platnik::gui {

/// What the window works on: the company's open database and the PKCS#11 module of its
/// token. Pages reach data only through app/services use cases given this database, and
/// tell each other about changes through it: a page that imports statements calls
/// changed(Change::Statements), and every page that shows statements refreshes.
class Workspace {
 public:
  enum class Change { Accounts, Statements, Orders, Contacts, Certificate, Database };
  using Listener = std::function<void(Change)>;

  /// `modulePath` empty: the modules p11-kit knows (services::loadModules).
  explicit Workspace(storage::Database database, std::string modulePath = {})
      : m_database(std::move(database)), m_modulePath(std::move(modulePath)) {}
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  [[nodiscard]] storage::Database& database() { return m_database; }
  [[nodiscard]] const std::string& modulePath() const { return m_modulePath; }
  void setModulePath(std::string path) { m_modulePath = std::move(path); }

  /// Works on another database from now on (File > Open, restore); every page refreshes.
  void replaceDatabase(storage::Database database) {
    m_database = std::move(database);
    changed(Change::Database);
  }

  /// Registers a listener until unsubscribe(returned id); a page unsubscribes when destroyed.
  int subscribe(Listener listener) {
    m_listeners.emplace(++m_lastId, std::move(listener));
    return m_lastId;
  }
  void unsubscribe(int id) { m_listeners.erase(id); }

  /// Tells every listener what changed (Change::Database: everything may have).
  void changed(Change what) {
    // A listener may unsubscribe (or subscribe) while being told: walk a copy.
    const auto listeners = m_listeners;
    for (const auto& [id, listener] : listeners) {
      listener(what);
    }
  }

 private:
  storage::Database m_database;
  std::string m_modulePath;
  std::map<int, Listener> m_listeners;
  int m_lastId = 0;
};

}  // namespace platnik::gui
