#pragma once

#include "banking/Statement.h"
#include "services/Json.h"

#include <span>
#include <string_view>

namespace platnik::services {

/// Statements as `platnik-cli statement parse --json` prints them (docs/statement-json.md):
/// {"format", "statements": [{"account", "iban", "currency", "number", "date", "opening",
/// "closing", "balances", "entries": [...]}]}. Amounts are decimal strings, negative for
/// debits; dates are ISO; fields a format lacks are omitted.
Json statementsToJson(std::string_view format, std::span<const banking::Statement> statements);
Json statementToJson(const banking::Statement& statement);
Json entryToJson(const banking::Entry& entry);

}  // namespace platnik::services
