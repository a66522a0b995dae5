// ISO 20022 camt.052 / camt.053 / camt.054 (versions .001.02 to .001.08), streamed: the
// statement header elements (GrpHdr, Acct, Bal, ...) are read as small subtrees and dropped;
// each <Ntry>, the bulk of a file, is streamed node by node into reusable slots (EntryStream).

#include "IsoEnvelope.h"
#include "Readers.h"
#include "XmlReader.h"
#include "XmlValues.h"

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace platnik::banking::formats::detail {
namespace {

struct CamtKind {
  const char* label;
  const char* message;  ///< the element under Document
  const char* record;   ///< Stmt, Rpt or Ntfctn
};

CamtKind kindOf(Format format) {
  switch (format) {
    case Format::Camt052:
      return {"camt.052", "BkToCstmrAcctRpt", "Rpt"};
    case Format::Camt054:
      return {"camt.054", "BkToCstmrDbtCdtNtfctn", "Ntfctn"};
    default:
      return {"camt.053", "BkToCstmrStmt", "Stmt"};
  }
}

void appendText(std::string& to, std::string_view text, std::string_view separator = " ") {
  if (text.empty()) {
    return;
  }
  if (!to.empty()) {
    to += separator;
  }
  to += text;
}

// ---------------------------------------------------------------------------------------
// An <Ntry> is streamed, not built into a tree: each element start is matched by its path
// (relative to the Ntry, or to the TxDtls it is in) against the table below, and the text of
// the elements that matter is kept in reusable slots. As with a tree's "first child of that
// name", only the first occurrence of an element fills its slot.

/// The single-valued elements kept of an Ntry or a TxDtls.
enum Field : std::uint8_t {
  kAmt,
  kCdtDbtInd,
  kRvslInd,
  kBookgDt,
  kBookgDtDt,
  kBookgDtDtTm,
  kValDt,
  kValDtDt,
  kValDtDtTm,
  kAcctSvcrRef,
  kDomnCd,
  kFmlyCd,
  kSubFmlyCd,
  kPrtryCd,
  kAddtlNtryInf,
  kTxAmtDtlsAmt,
  kEndToEndId,
  kInstdAmt,
  kInstdRate,
  kTxAmtRate,
  kRtrInf,
  kRtrRsnCd,
  kRtrRsnPrtry,
  kPurpPrtry,
  kPurpCd,
  kAddtlTxInf,
  // Parties: four roles (Dbtr, Cdtr, UltmtDbtr, UltmtCdtr) x three name forms (Nm, Pty/Nm,
  // Agt/FinInstnId/Nm), then two roles (Dbtr, Cdtr) x three address forms and their TwnNm.
  kPartyName,
  kPartyAddress = kPartyName + 12,
  kPartyTown = kPartyAddress + 6,
  kAccountIban = kPartyTown + 6,  ///< DbtrAcct, CdtrAcct
  kAccountOther = kAccountIban + 2,
  kAgentBic = kAccountOther + 2,  ///< DbtrAgt, CdtrAgt
  kAgentBicfi = kAgentBic + 2,
  kFieldCount = kAgentBicfi + 2
};

/// What an element start means beside filling a slot.
enum class Action : std::uint8_t {
  Slot,          ///< fill the Field's slot
  TxDtls,        ///< a transaction of the entry begins
  Charges,       ///< a <Chrgs> begins
  ChargeTotal,   ///< Chrgs/TtlChrgsAndTaxAmt
  ChargeAmount,  ///< Chrgs/Amt (.02)
  ChargeRecord,  ///< Chrgs/Rcrd
  RecordAmount,  ///< Chrgs/Rcrd/Amt
  Unstructured,  ///< RmtInf/Ustrd, each one
  Structured,    ///< RmtInf/Strd
  StructuredRef,
  StructuredModel,
  ReturnInfo,  ///< RtrInf/AddtlInf, each one
};

struct Match {
  Action action = Action::Slot;
  std::uint8_t field = 0;
};

/// A party's role, in the order of the party Fields.
using Role = int;
constexpr Role kDebtor = 0;
constexpr Role kCreditor = 1;
constexpr Role kUltimateDebtor = 2;
constexpr Role kUltimateCreditor = 3;

/// Paths of element names as a tree, walked one element start at a time: no path string is
/// built or hashed while reading.
class PathTree {
 public:
  static constexpr int kNone = -1;

  void emplace(std::string_view path, Match match) {
    int node = 0;
    std::string_view rest = path;
    while (!rest.empty()) {
      const auto slash = rest.find('/');
      const std::string_view name = rest.substr(0, slash);
      rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
      int next = child(node, name);
      if (next == kNone) {
        next = static_cast<int>(m_nodes.size());
        m_nodes[static_cast<std::size_t>(node)].children.push_back(
            {next, static_cast<int>(m_edgeNames.size())});
        m_edgeNames.emplace_back(name);
        m_nodes.emplace_back();
      }
      node = next;
    }
    m_nodes[static_cast<std::size_t>(node)].match = match;
    m_nodes[static_cast<std::size_t>(node)].path = std::string(path);
  }
  /// The child of `node` named `name`, or kNone.
  [[nodiscard]] int child(int node, std::string_view name) const {
    for (const Edge& edge : m_nodes[static_cast<std::size_t>(node)].children) {
      if (m_edgeNames[static_cast<std::size_t>(edge.name)] == name) {
        return edge.node;
      }
    }
    return kNone;
  }
  /// Every element name in the tree, by edge.
  [[nodiscard]] const std::vector<std::string>& edgeNames() const { return m_edgeNames; }
  [[nodiscard]] std::size_t size() const { return m_nodes.size(); }
  struct Edge {
    int node;  ///< the child
    int name;  ///< its index in m_edgeNames
  };
  [[nodiscard]] const std::vector<Edge>& edges(int node) const {
    return m_nodes[static_cast<std::size_t>(node)].children;
  }
  [[nodiscard]] const std::optional<Match>& match(int node) const {
    return m_nodes[static_cast<std::size_t>(node)].match;
  }
  /// Calls visit(path, match) for every path emplaced.
  template <typename Visit>
  void forEach(Visit&& visit) const {
    for (const auto& node : m_nodes) {
      if (node.match) {
        visit(std::string_view(node.path), *node.match);
      }
    }
  }

 private:
  struct Node {
    std::vector<Edge> children;
    std::optional<Match> match;
    std::string path;
  };
  std::vector<Node> m_nodes{Node{}};  // [0] is the root
  std::vector<std::string> m_edgeNames;
};

/// A PathTree with its names interned by one reader (XmlReader::intern), for the hot loop:
/// finding a child, and what it means, is one probe, mostly, of a small open-addressing table
/// keyed by the parent node and the name's interned pointer.
class BoundTree {
 public:
  /// A child found: its node, and its Match if it has one.
  struct Child {
    const char* name = nullptr;  ///< nullptr: a free slot of the table
    std::int16_t parent = 0;
    std::int16_t node = PathTree::kNone;
    bool matched = false;
    Match match;
  };

  BoundTree(const PathTree& tree, const XmlReader& reader) {
    const auto& names = tree.edgeNames();
    std::size_t edges = 0;
    for (std::size_t node = 0; node < tree.size(); ++node) {
      edges += tree.edges(static_cast<int>(node)).size();
    }
    if (tree.size() > static_cast<std::size_t>(std::numeric_limits<std::int16_t>::max())) {
      throw std::logic_error("the camt path table has too many nodes");
    }
    // At most half full: a lookup, found or not, rarely probes twice.
    while ((std::size_t{1} << m_bits) < edges * 2) {
      ++m_bits;
    }
    m_table.resize(std::size_t{1} << m_bits);
    for (std::size_t node = 0; node < tree.size(); ++node) {
      for (const auto& edge : tree.edges(static_cast<int>(node))) {
        const char* name = reader.intern(names[static_cast<std::size_t>(edge.name)]);
        std::size_t at = slotOf(static_cast<int>(node), name);
        while (m_table[at].name != nullptr) {
          at = (at + 1) & (m_table.size() - 1);
        }
        Child& child = m_table[at];
        child.name = name;
        child.parent = static_cast<std::int16_t>(node);
        child.node = static_cast<std::int16_t>(edge.node);
        if (const auto& match = tree.match(edge.node)) {
          child.matched = true;
          child.match = *match;
        }
      }
    }
  }
  /// The child of `node` named `name` (interned by the same reader); its node is
  /// PathTree::kNone when there is none.
  [[nodiscard]] const Child& child(int node, const char* name) const {
    const std::size_t mask = m_table.size() - 1;
    for (std::size_t at = slotOf(node, name);; at = (at + 1) & mask) {
      const Child& entry = m_table[at];
      if ((entry.name == name && entry.parent == node) || entry.name == nullptr) {
        return entry;  // a free slot's node is kNone
      }
    }
  }

 private:
  [[nodiscard]] std::size_t slotOf(int node, const char* name) const {
    const auto key = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(name)) ^
                     (static_cast<std::uint64_t>(node) << 48U);
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> (64U - m_bits));
  }
  std::vector<Child> m_table;
  unsigned m_bits = 4;
};

/// The paths that matter, relative to an Ntry and to a TxDtls.
struct PathTable {
  PathTree entry;
  PathTree transaction;
  std::array<std::string, kFieldCount> names;  ///< the path of each Field, for errors

  PathTable() {
    const auto common = [](PathTree& map) {
      map.emplace("Amt", Match{Action::Slot, kAmt});
      map.emplace("CdtDbtInd", Match{Action::Slot, kCdtDbtInd});
      map.emplace("BkTxCd/Domn/Cd", Match{Action::Slot, kDomnCd});
      map.emplace("BkTxCd/Domn/Fmly/Cd", Match{Action::Slot, kFmlyCd});
      map.emplace("BkTxCd/Domn/Fmly/SubFmlyCd", Match{Action::Slot, kSubFmlyCd});
      map.emplace("BkTxCd/Prtry/Cd", Match{Action::Slot, kPrtryCd});
      map.emplace("Chrgs", Match{Action::Charges, 0});
      map.emplace("Chrgs/TtlChrgsAndTaxAmt", Match{Action::ChargeTotal, 0});
      map.emplace("Chrgs/Amt", Match{Action::ChargeAmount, 0});
      map.emplace("Chrgs/Rcrd", Match{Action::ChargeRecord, 0});
      map.emplace("Chrgs/Rcrd/Amt", Match{Action::RecordAmount, 0});
    };
    common(entry);
    common(transaction);
    entry.emplace("RvslInd", Match{Action::Slot, kRvslInd});
    entry.emplace("BookgDt", Match{Action::Slot, kBookgDt});
    entry.emplace("BookgDt/Dt", Match{Action::Slot, kBookgDtDt});
    entry.emplace("BookgDt/DtTm", Match{Action::Slot, kBookgDtDtTm});
    entry.emplace("ValDt", Match{Action::Slot, kValDt});
    entry.emplace("ValDt/Dt", Match{Action::Slot, kValDtDt});
    entry.emplace("ValDt/DtTm", Match{Action::Slot, kValDtDtTm});
    entry.emplace("AcctSvcrRef", Match{Action::Slot, kAcctSvcrRef});
    entry.emplace("AddtlNtryInf", Match{Action::Slot, kAddtlNtryInf});
    entry.emplace("NtryDtls/TxDtls", Match{Action::TxDtls, 0});

    auto& tx = transaction;
    tx.emplace("AmtDtls/TxAmt/Amt", Match{Action::Slot, kTxAmtDtlsAmt});
    tx.emplace("Refs/EndToEndId", Match{Action::Slot, kEndToEndId});
    tx.emplace("Refs/AcctSvcrRef", Match{Action::Slot, kAcctSvcrRef});
    tx.emplace("AmtDtls/InstdAmt/Amt", Match{Action::Slot, kInstdAmt});
    tx.emplace("AmtDtls/InstdAmt/CcyXchg/XchgRate", Match{Action::Slot, kInstdRate});
    tx.emplace("AmtDtls/TxAmt/CcyXchg/XchgRate", Match{Action::Slot, kTxAmtRate});
    tx.emplace("RtrInf", Match{Action::Slot, kRtrInf});
    tx.emplace("RtrInf/Rsn/Cd", Match{Action::Slot, kRtrRsnCd});
    tx.emplace("RtrInf/Rsn/Prtry", Match{Action::Slot, kRtrRsnPrtry});
    tx.emplace("RtrInf/AddtlInf", Match{Action::ReturnInfo, 0});
    tx.emplace("Purp/Prtry", Match{Action::Slot, kPurpPrtry});
    tx.emplace("Purp/Cd", Match{Action::Slot, kPurpCd});
    tx.emplace("RmtInf/Ustrd", Match{Action::Unstructured, 0});
    tx.emplace("RmtInf/Strd", Match{Action::Structured, 0});
    tx.emplace("RmtInf/Strd/CdtrRefInf/Ref", Match{Action::StructuredRef, 0});
    tx.emplace("RmtInf/Strd/CdtrRefInf/Tp/CdOrPrtry/Prtry", Match{Action::StructuredModel, 0});
    tx.emplace("AddtlTxInf", Match{Action::Slot, kAddtlTxInf});
    const auto add = [this](const std::string& path, int field) {
      transaction.emplace(path, Match{Action::Slot, static_cast<std::uint8_t>(field)});
    };
    const std::array<const char*, 4> roles{"Dbtr", "Cdtr", "UltmtDbtr", "UltmtCdtr"};
    const std::array<const char*, 3> nameForms{"Nm", "Pty/Nm", "Agt/FinInstnId/Nm"};
    const std::array<const char*, 3> addressForms{"PstlAdr", "Pty/PstlAdr", "Agt/FinInstnId/PstlAdr"};
    for (int role = 0; role < 4; ++role) {
      for (int form = 0; form < 3; ++form) {
        add(fmt::format("RltdPties/{}/{}", roles[role], nameForms[form]), kPartyName + role * 3 + form);
      }
    }
    for (int role = 0; role < 2; ++role) {
      for (int form = 0; form < 3; ++form) {
        add(fmt::format("RltdPties/{}/{}", roles[role], addressForms[form]), kPartyAddress + role * 3 + form);
        add(fmt::format("RltdPties/{}/{}/TwnNm", roles[role], addressForms[form]),
            kPartyTown + role * 3 + form);
      }
      add(fmt::format("RltdPties/{}Acct/Id/IBAN", roles[role]), kAccountIban + role);
      add(fmt::format("RltdPties/{}Acct/Id/Othr/Id", roles[role]), kAccountOther + role);
      add(fmt::format("RltdAgts/{}Agt/FinInstnId/BIC", roles[role]), kAgentBic + role);
      add(fmt::format("RltdAgts/{}Agt/FinInstnId/BICFI", roles[role]), kAgentBicfi + role);
    }
    for (const auto* tree : {&entry, &transaction}) {
      tree->forEach([this](std::string_view path, const Match& match) {
        if (match.action == Action::Slot) {
          names[match.field] = std::string(path);
        }
      });
    }
  }

  static const PathTable& instance() {
    static const PathTable table;
    return table;
  }
};

/// The text of one element as the stream passed it.
struct Slot {
  std::string text;
  std::string currency;  ///< the Ccy attribute of an amount
  int line = 0;
  bool seen = false;
  bool hasCurrency = false;

  void reset() {
    text.clear();
    currency.clear();
    line = 0;
    seen = false;
    hasCurrency = false;
  }
  [[nodiscard]] std::string_view value() const { return trimXml(text); }
  [[nodiscard]] std::optional<std::string_view> currencyCode() const {
    return hasCurrency ? std::optional<std::string_view>(currency) : std::nullopt;
  }
};

/// One amount of a <Chrgs>.
struct Charge {
  int group = 0;  ///< which <Chrgs> of its holder
  bool total = false;
  Slot amount;
};

/// What was kept of an Ntry or of one TxDtls; reused from entry to entry.
struct Holder {
  std::string_view prefix;  ///< "" or "NtryDtls/TxDtls/", for error paths
  std::array<Slot, kFieldCount> slots;
  std::vector<std::uint8_t> touched;  ///< the slots filled since the last reset
  std::vector<Charge> charges;        ///< the first `chargeCount` are this holder's
  std::size_t chargeCount = 0;
  int chargeGroups = 0;
  bool groupHasTotal = false;
  bool groupHasAmount = false;
  bool recordHasAmount = false;
  std::string unstructured;  ///< every RmtInf/Ustrd, joined
  std::string returnInfo;    ///< every RtrInf/AddtlInf, joined
  Slot scratch;              ///< the Ustrd or AddtlInf being read
  Slot structuredRef;        ///< of the Strd being read
  Slot structuredModel;
  bool hasReference = false;
  Reference reference;

  void reset(std::string_view at) {
    prefix = at;
    for (const std::uint8_t field : touched) {
      slots[field].reset();
    }
    touched.clear();
    chargeCount = 0;
    chargeGroups = 0;
    groupHasTotal = groupHasAmount = recordHasAmount = false;
    unstructured.clear();
    returnInfo.clear();
    scratch.reset();
    structuredRef.reset();
    structuredModel.reset();
    hasReference = false;
    reference = {};
  }
  [[nodiscard]] const Slot& slot(int field) const { return slots[static_cast<std::size_t>(field)]; }
  [[nodiscard]] std::string_view text(int field) const { return slot(field).value(); }
  [[nodiscard]] bool has(int field) const { return slot(field).seen; }

  Slot& newCharge(bool total) {
    if (chargeCount == charges.size()) {
      charges.emplace_back();
    }
    Charge& charge = charges[chargeCount++];
    charge.group = chargeGroups;
    charge.total = total;
    charge.amount.reset();
    return charge.amount;
  }
};

/// An element open while an Ntry streams.
struct Open {
  int node;               ///< in the path tree of its holder, or PathTree::kNone
  const BoundTree* tree;  ///< the path tree of its holder
  Holder* holder;         ///< where its content goes
  Action action;
  Slot* slot;  ///< where its text goes, or nullptr
};

/// Reads an Ntry's content into holders, element by element.
class EntryStream {
 public:
  /// Reads the current <Ntry> to its end.
  Result<void> read(XmlReader& reader) {
    if (m_boundTo != &reader) {
      // The reader interns element names; intern the tables' names in the same dictionary
      // and compare pointers.
      const PathTable& table = PathTable::instance();
      m_entryTree.emplace(table.entry, reader);
      m_transactionTree.emplace(table.transaction, reader);
      m_boundTo = &reader;
    }
    const XmlLimits limits;
    m_entry.reset("");
    m_transactionCount = 0;
    // One level per depth below the Ntry (the reader refuses anything deeper than its limit);
    // [0] is the Ntry itself.
    if (m_open.size() < limits.maxDepth + 1) {
      m_open.resize(limits.maxDepth + 1);
    }
    m_open[0] = {0, &*m_entryTree, &m_entry, Action::Slot, nullptr};
    std::size_t elements = 1;
    const int base = reader.depth();
    while (true) {
      switch (reader.step(base)) {
        case XmlReader::Step::Failed:
          return reader.failure();
        case XmlReader::Step::Done:
          return boost::outcome_v2::success();
        case XmlReader::Step::Start: {
          if (++elements > limits.maxTreeElements) [[unlikely]] {
            return reader.error(fmt::format("more than {} elements in one Ntry", limits.maxTreeElements));
          }
          // Each open element knows its node in the path tree (kNone below anything that
          // matters) and the holder its content goes to: the entry, or its TxDtls. Levels
          // are kept by depth, so no End is needed to close one.
          const auto level = static_cast<std::size_t>(reader.depth() - base);
          const Open& parent = m_open[level - 1];
          Open& open = m_open[level];
          open.tree = parent.tree;
          open.holder = parent.holder;
          open.action = Action::Slot;
          open.slot = nullptr;
          if (parent.node == PathTree::kNone) {
            open.node = PathTree::kNone;
            break;
          }
          const BoundTree::Child& child = parent.tree->child(parent.node, reader.internedName());
          open.node = child.node;
          if (child.matched) {
            open.action = child.match.action;
            start(reader, open, *open.holder, child.match);
            if (open.action == Action::Unstructured || open.action == Action::ReturnInfo ||
                open.action == Action::Structured) {
              reader.wantEnd();  // these act at their end
            }
          }
          break;
        }
        case XmlReader::Step::Text:
          break;  // the text of an element with a slot is collected into it (see start())
        case XmlReader::Step::End: {
          const Open& open = m_open[static_cast<std::size_t>(reader.depth() - base)];
          Holder& holder = *open.holder;
          switch (open.action) {
            case Action::Unstructured:
              appendText(holder.unstructured, holder.scratch.value());
              break;
            case Action::ReturnInfo:
              appendText(holder.returnInfo, holder.scratch.value());
              break;
            case Action::Structured:
              chooseReference(holder);
              break;
            default:
              break;
          }
          break;
        }
      }
    }
  }

  /// What an element that matters does when it starts.
  void start(XmlReader& reader, Open& open, Holder& holder, Match match) {
    switch (match.action) {
      case Action::Slot: {
        Slot& slot = holder.slots[match.field];
        if (!slot.seen) {
          open.slot = &slot;
          holder.touched.push_back(match.field);
        }
        break;
      }
      case Action::TxDtls: {
        if (m_transactionCount == m_transactions.size()) {
          m_transactions.emplace_back();
        }
        Holder& tx = m_transactions[m_transactionCount++];
        tx.reset("NtryDtls/TxDtls/");
        open.holder = &tx;
        open.tree = &*m_transactionTree;
        open.node = 0;  // the root of the transaction paths
        break;
      }
      case Action::Charges:
        ++holder.chargeGroups;
        holder.groupHasTotal = holder.groupHasAmount = false;
        break;
      case Action::ChargeTotal:
        if (!holder.groupHasTotal) {
          holder.groupHasTotal = true;
          open.slot = &holder.newCharge(true);
        }
        break;
      case Action::ChargeAmount:
        if (!holder.groupHasAmount) {
          holder.groupHasAmount = true;
          open.slot = &holder.newCharge(false);
        }
        break;
      case Action::ChargeRecord:
        holder.recordHasAmount = false;
        break;
      case Action::RecordAmount:
        if (!holder.recordHasAmount) {
          holder.recordHasAmount = true;
          open.slot = &holder.newCharge(false);
        }
        break;
      case Action::Unstructured:
      case Action::ReturnInfo:
        holder.scratch.reset();
        open.slot = &holder.scratch;
        break;
      case Action::Structured:
        holder.structuredRef.reset();
        holder.structuredModel.reset();
        break;
      case Action::StructuredRef:
        if (!holder.structuredRef.seen) {
          open.slot = &holder.structuredRef;
        }
        break;
      case Action::StructuredModel:
        if (!holder.structuredModel.seen) {
          open.slot = &holder.structuredModel;
        }
        break;
    }
    if (open.slot != nullptr) {
      reader.collectText(open.slot->text);
      open.slot->seen = true;
      open.slot->line = reader.line();
      const bool amount = match.action == Action::ChargeTotal || match.action == Action::ChargeAmount ||
                          match.action == Action::RecordAmount ||
                          (match.action == Action::Slot &&
                           (match.field == kAmt || match.field == kTxAmtDtlsAmt || match.field == kInstdAmt));
      if (amount) {
        if (const auto code = reader.attributeView("Ccy")) {
          open.slot->hasCurrency = true;
          open.slot->currency = *code;
        }
      }
    }
  }

  [[nodiscard]] const Holder& entry() const { return m_entry; }
  [[nodiscard]] std::size_t transactionCount() const { return m_transactionCount; }
  [[nodiscard]] const Holder& transaction(std::size_t index) const { return m_transactions[index]; }

 private:
  /// The first Strd with a CdtrRefInf/Ref gives the reference: ISO 11649 "RF.." gives model
  /// RF; a Serbian reference written as model + number carries its two-digit model in
  /// Tp/CdOrPrtry/Prtry.
  static void chooseReference(Holder& holder) {
    const auto ref = holder.structuredRef.value();
    if (holder.hasReference || ref.empty()) {
      return;
    }
    const auto model = holder.structuredModel.value();
    if (ref.starts_with("RF")) {
      holder.reference = {"RF", std::string(ref.substr(2))};
    } else if (model.size() == 2 && ref.starts_with(model)) {
      holder.reference = {std::string(model), std::string(ref.substr(2))};
    } else {
      holder.reference = {"", std::string(ref)};
    }
    holder.hasReference = true;
  }

  Holder m_entry;
  std::vector<Holder> m_transactions;  ///< the first m_transactionCount are this entry's
  std::size_t m_transactionCount = 0;
  std::vector<Open> m_open;              ///< by depth below the Ntry
  const XmlReader* m_boundTo = nullptr;  ///< the reader the trees below were interned by
  std::optional<BoundTree> m_entryTree;
  std::optional<BoundTree> m_transactionTree;
};

XmlSpot spotOf(const XmlReader& reader, const Holder& holder, int field) {
  return {reader, holder.prefix, PathTable::instance().names[static_cast<std::size_t>(field)],
          holder.slot(field).line};
}

Result<Money> amountOf(const XmlReader& reader, const Holder& holder, int field) {
  const Slot& slot = holder.slot(field);
  const auto& path = PathTable::instance().names[static_cast<std::size_t>(field)];
  const auto slash = path.rfind('/');
  const std::string_view name =
      slash == std::string::npos ? std::string_view(path) : std::string_view(path).substr(slash + 1);
  return isoAmountText(spotOf(reader, holder, field), name, slot.currencyCode(), slot.text);
}

/// The last date parsed and its text: the entries of a statement mostly share a few dates.
struct DateMemo {
  std::string text;
  Date date;
  bool valid = false;
};

/// An ISO 20022 date choice (<Dt> or <DtTm>); nullopt when the element is absent.
Result<std::optional<Date>> dateChoice(const XmlReader& reader, const Holder& holder, int element, int date,
                                       int dateTime, DateMemo& memo) {
  if (!holder.has(element)) {
    return std::optional<Date>{};
  }
  for (const int field : {date, dateTime}) {
    if (holder.has(field)) {
      const std::string& text = holder.slot(field).text;
      if (memo.valid && text == memo.text) {
        return std::optional<Date>{memo.date};
      }
      BOOST_OUTCOME_TRY(value, xmlDateText(spotOf(reader, holder, field), text));
      memo.text = text;
      memo.date = value;
      memo.valid = true;
      return std::optional<Date>{value};
    }
  }
  const auto& name = PathTable::instance().names[static_cast<std::size_t>(element)];
  return spotOf(reader, holder, element).error(fmt::format("{} has neither Dt nor DtTm", name));
}

/// The charges of an Ntry or TxDtls, reported as a positive amount: the first <Chrgs> with a
/// TtlChrgsAndTaxAmt gives it; otherwise the sum of every Amt (.02) and Rcrd/Amt.
Result<std::optional<Money>> chargesOf(const XmlReader& reader, const Holder& holder) {
  std::optional<Money> total;
  for (int group = 1; group <= holder.chargeGroups; ++group) {
    const auto inGroup = [&](auto&& visit) -> Result<bool> {
      for (std::size_t i = 0; i < holder.chargeCount; ++i) {
        if (holder.charges[i].group == group) {
          BOOST_OUTCOME_TRY(done, visit(holder.charges[i]));
          if (done) {
            return true;
          }
        }
      }
      return false;
    };
    const auto spot = [&](const Charge& charge) {
      return XmlSpot(reader, holder.prefix, charge.total ? "Chrgs/TtlChrgsAndTaxAmt" : "Chrgs/Amt",
                     charge.amount.line);
    };
    std::optional<Money> groupTotal;
    BOOST_OUTCOME_TRY(hasTotal, inGroup([&](const Charge& charge) -> Result<bool> {
                        if (!charge.total) {
                          return false;
                        }
                        BOOST_OUTCOME_TRY(amount,
                                          isoAmountText(spot(charge), "TtlChrgsAndTaxAmt",
                                                        charge.amount.currencyCode(), charge.amount.text));
                        groupTotal = amount.abs();
                        return true;
                      }));
    if (hasTotal) {
      return groupTotal;
    }
    BOOST_OUTCOME_TRYV(inGroup([&](const Charge& charge) -> Result<bool> {
      if (charge.total) {
        return false;
      }
      BOOST_OUTCOME_TRY(amount,
                        isoAmountText(spot(charge), "Amt", charge.amount.currencyCode(), charge.amount.text));
      if (!total) {
        total = amount.abs();
        return false;
      }
      auto sum = total->plus(amount.abs());
      if (!sum) {
        return spot(charge).error("charges in different currencies: " + sum.error().message);
      }
      total = sum.value();
      return false;
    }));
  }
  return total;
}

/// The bank transaction code, Domn/Fmly/SubFmly or proprietary, written into `code`.
void bankTransactionCode(const Holder& holder, std::string& code) {
  code.clear();
  if (const auto domain = holder.text(kDomnCd); !domain.empty()) {
    code += domain;
    if (const auto family = holder.text(kFmlyCd); !family.empty()) {
      code += '/';
      code += family;
    }
    if (const auto sub = holder.text(kSubFmlyCd); !sub.empty()) {
      code += '/';
      code += sub;
    }
    return;
  }
  code += holder.text(kPrtryCd);
}

/// Name of a party: <Nm> directly (.02), or in the .08 choice of <Pty> or <Agt> (a bank).
std::string_view partyName(const Holder& tx, Role role) {
  for (int form = 0; form < 3; ++form) {
    if (const auto name = tx.text(kPartyName + role * 3 + form); !name.empty()) {
      return name;
    }
  }
  return {};
}

std::string_view partyTown(const Holder& tx, Role role) {
  for (int form = 0; form < 3; ++form) {
    if (tx.has(kPartyAddress + role * 3 + form)) {
      return tx.text(kPartyTown + role * 3 + form);
    }
  }
  return {};
}

std::string_view accountId(const Holder& tx, Role role) {
  if (const auto iban = tx.text(kAccountIban + role); !iban.empty()) {
    return iban;
  }
  return tx.text(kAccountOther + role);
}

std::string_view agentBic(const Holder& tx, Role role) {
  if (const auto bic = tx.text(kAgentBic + role); !bic.empty()) {
    return bic;
  }
  return tx.text(kAgentBicfi + role);
}

/// What an <Ntry> says for all its transactions.
struct EntryContext {
  Money amount = Money::zero(Currency::rsd());
  bool credit = true;
  bool reversal = false;
  std::optional<Date> bookingDate;
  std::optional<Date> valueDate;
  std::string_view bankReference;
  std::string transactionCode;
  std::optional<Money> charges;
  std::string_view additionalInfo;
  DateMemo dates;
};

/// Fills `entry` with the entry's context and what one of its transactions (or none) adds.
/// Every field is written: `entry` is reused from entry to entry, so that its strings keep
/// their buffers and a file of any size costs no allocation per entry.
Result<void> fillEntry(Entry& entry, const XmlReader& reader, const EntryContext& context, const Holder* tx,
                       bool ownAmount) {
  entry.bookingDate = context.bookingDate;
  entry.valueDate = context.valueDate;
  entry.amount = context.amount;
  entry.reversal = context.reversal;
  entry.bankReference = context.bankReference;
  entry.charges = context.charges;
  entry.additionalInfo = context.additionalInfo;
  entry.debitReference.model.clear();
  entry.debitReference.number.clear();
  entry.originalAmount.reset();
  if (tx == nullptr) {
    entry.transactionCode = context.transactionCode;
    entry.counterparty.name.clear();
    entry.counterparty.account.clear();
    entry.counterparty.place.clear();
    entry.counterparty.bic.clear();
    entry.purpose.clear();
    entry.paymentCode.clear();
    entry.reference.model.clear();
    entry.reference.number.clear();
    entry.endToEndId.clear();
    entry.exchangeRate.clear();
    entry.returnReason.clear();
    return boost::outcome_v2::success();
  }
  bool credit = context.credit;
  if (ownAmount) {
    const int amountField = tx->has(kAmt) ? kAmt : kTxAmtDtlsAmt;
    if (tx->has(amountField)) {
      BOOST_OUTCOME_TRY(amount, amountOf(reader, *tx, amountField));
      const auto indicator = tx->text(kCdtDbtInd);
      if (indicator == "DBIT" || indicator == "CRDT") {
        credit = indicator == "CRDT";
      }
      if (credit) {
        entry.amount = amount;
      } else {
        BOOST_OUTCOME_TRY(negative, amount.negated());
        entry.amount = negative;
      }
    }
  }
  entry.endToEndId = tx->text(kEndToEndId);
  if (const auto ref = tx->text(kAcctSvcrRef); !ref.empty() && entry.bankReference.empty()) {
    entry.bankReference = ref;
  }
  if (tx->has(kInstdAmt)) {
    BOOST_OUTCOME_TRY(original, amountOf(reader, *tx, kInstdAmt));
    entry.originalAmount = original;
  }
  entry.exchangeRate = tx->text(kInstdRate);
  if (entry.exchangeRate.empty()) {
    entry.exchangeRate = tx->text(kTxAmtRate);
  }
  bankTransactionCode(*tx, entry.transactionCode);
  if (entry.transactionCode.empty()) {
    entry.transactionCode = context.transactionCode;
  }
  BOOST_OUTCOME_TRY(charges, chargesOf(reader, *tx));
  if (charges) {
    entry.charges = charges;
  }
  // The other side: who paid us on a credit, whom we paid on a debit. A reversal or a return
  // books the opposite direction of the original transfer, whose parties it repeats.
  const bool returned = tx->has(kRtrInf);
  const bool otherIsDebtor = credit != (entry.reversal || returned);
  const Role party = otherIsDebtor ? kDebtor : kCreditor;
  entry.counterparty.name = partyName(*tx, party);
  if (entry.counterparty.name.empty()) {
    entry.counterparty.name = partyName(*tx, otherIsDebtor ? kUltimateDebtor : kUltimateCreditor);
  }
  entry.counterparty.account = accountId(*tx, party);
  entry.counterparty.place = partyTown(*tx, party);
  entry.counterparty.bic = agentBic(*tx, party);
  entry.paymentCode = tx->text(kPurpPrtry);
  if (entry.paymentCode.empty()) {
    entry.paymentCode = tx->text(kPurpCd);
  }
  entry.purpose = tx->unstructured;
  if (tx->hasReference) {
    entry.reference.model = tx->reference.model;
    entry.reference.number = tx->reference.number;
  } else {
    entry.reference.model.clear();
    entry.reference.number.clear();
  }
  entry.returnReason.clear();
  if (returned) {
    entry.returnReason = tx->text(kRtrRsnCd);
    if (entry.returnReason.empty()) {
      entry.returnReason = tx->text(kRtrRsnPrtry);
    }
    appendText(entry.additionalInfo, tx->returnInfo);
  }
  if (const auto info = tx->text(kAddtlTxInf); !info.empty()) {
    appendText(entry.additionalInfo, info, "; ");
  }
  if (entry.purpose.empty()) {
    entry.purpose = tx->text(kAddtlTxInf);
  }
  return boost::outcome_v2::success();
}

/// Sends the entry just streamed to the sink: one Entry, or one per transaction of a batch
/// booking. `entry` and `context` are the caller's, reused from entry to entry.
Result<void> sendEntries(const XmlReader& reader, const EntryStream& stream, StatementSink& sink,
                         EntryContext& context, Entry& entry) {
  const Holder& ntry = stream.entry();
  const std::size_t count = stream.transactionCount();
  // Amt and CdtDbtInd are mandatory on an entry. A trimmed PostFinance notification
  // (libeufin_postfinance_camt054) gives them only on each transaction; that is accepted
  // when every transaction has both, and each becomes an entry of its own.
  bool perTransaction = false;
  const Holder* amountHolder = &ntry;
  if (!ntry.has(kAmt)) {
    perTransaction = count > 0;
    for (std::size_t i = 0; i < count; ++i) {
      const Holder& tx = stream.transaction(i);
      const auto txIndicator = tx.text(kCdtDbtInd);
      perTransaction = perTransaction && tx.has(kAmt) && (txIndicator == "CRDT" || txIndicator == "DBIT");
    }
    if (!perTransaction) {
      return reader.error("the entry has no Amt");
    }
    amountHolder = &stream.transaction(0);
  }
  BOOST_OUTCOME_TRY(amount, amountOf(reader, *amountHolder, kAmt));
  const auto indicator = amountHolder->text(kCdtDbtInd);
  if (indicator != "CRDT" && indicator != "DBIT") {
    return reader.error(fmt::format("the entry's CdtDbtInd is '{}', not CRDT or DBIT", indicator));
  }
  context.credit = indicator == "CRDT";
  if (context.credit) {
    context.amount = amount;
  } else {
    BOOST_OUTCOME_TRY(negative, amount.negated());
    context.amount = negative;
  }
  const auto reversal = ntry.text(kRvslInd);
  context.reversal = reversal == "true" || reversal == "1";
  BOOST_OUTCOME_TRY(booking, dateChoice(reader, ntry, kBookgDt, kBookgDtDt, kBookgDtDtTm, context.dates));
  BOOST_OUTCOME_TRY(value, dateChoice(reader, ntry, kValDt, kValDtDt, kValDtDtTm, context.dates));
  context.bookingDate = booking;
  context.valueDate = value;
  context.bankReference = ntry.text(kAcctSvcrRef);
  bankTransactionCode(ntry, context.transactionCode);
  BOOST_OUTCOME_TRY(charges, chargesOf(reader, ntry));
  context.charges = charges;
  context.additionalInfo = ntry.text(kAddtlNtryInf);

  if (count <= 1 && !perTransaction) {
    BOOST_OUTCOME_TRYV(
        fillEntry(entry, reader, context, count == 0 ? nullptr : &stream.transaction(0), false));
    if (entry.purpose.empty()) {
      entry.purpose = entry.additionalInfo;
    }
    return sink.entry(entry);
  }
  // A batch booking: one entry per transaction, each with its own amount when given.
  for (std::size_t i = 0; i < count; ++i) {
    BOOST_OUTCOME_TRYV(fillEntry(entry, reader, context, &stream.transaction(i), true));
    if (entry.purpose.empty()) {
      entry.purpose = entry.additionalInfo;
    }
    BOOST_OUTCOME_TRYV(sink.entry(entry));
  }
  return boost::outcome_v2::success();
}

Result<Balance> readBalance(const XmlReader& reader, const XmlElement& bal, int& interimSeen) {
  Balance balance;
  std::string_view code = bal.textAt("Tp/CdOrPrtry/Cd");
  if (code.empty()) {
    code = bal.textAt("Tp/CdOrPrtry/Prtry");
  }
  if (code == "OPBD" || code == "PRCD") {
    balance.type = BalanceType::Opening;
  } else if (code == "CLBD") {
    balance.type = BalanceType::Closing;
  } else if (code == "ITBD") {
    balance.type = interimSeen++ == 0 ? BalanceType::InterimOpening : BalanceType::InterimClosing;
  } else if (code == "CLAV") {
    balance.type = BalanceType::ClosingAvailable;
  } else if (code == "FWAV") {
    balance.type = BalanceType::ForwardAvailable;
  }
  const XmlElement* amountElement = bal.child("Amt");
  if (amountElement == nullptr) {
    return reader.errorAt(bal, "the balance has no Amt");
  }
  BOOST_OUTCOME_TRY(amount, isoAmount(reader, *amountElement));
  // CdtDbtInd is mandatory, but a Lithuanian bank (sample subite_LT_camt053.001.08) leaves it
  // out of positive balances; its statement reconciles only when they are read as credit.
  const XmlElement* indicatorElement = bal.child("CdtDbtInd");
  const auto indicator = bal.textAt("CdtDbtInd");
  if (indicator == "DBIT") {
    BOOST_OUTCOME_TRY(negative, amount.negated());
    amount = negative;
  } else if (indicator != "CRDT" && indicatorElement != nullptr) {
    return reader.errorAt(bal, fmt::format("the balance's CdtDbtInd is '{}', not CRDT or DBIT", indicator));
  }
  balance.amount = amount;
  BOOST_OUTCOME_TRY(date, isoDateChoice(reader, bal.child("Dt")));
  balance.date = date;
  return balance;
}

Result<void> readRecord(XmlReader& reader, StatementSink& sink, const std::string& messageId) {
  StatementInfo info;
  info.messageId = messageId;
  std::string id;
  std::string electronic;
  std::string legal;
  bool begun = false;
  int interimSeen = 0;
  std::size_t entries = 0;
  const auto fillNumber = [&] {
    info.number = !legal.empty() ? legal : !electronic.empty() ? electronic : id;
  };
  EntryStream stream;
  EntryContext context;
  Entry entry;
  const int depth = reader.depth();
  while (true) {
    BOOST_OUTCOME_TRY(more, reader.nextChild(depth));
    if (!more) {
      break;
    }
    const std::string_view name = reader.name();  // interned: stays valid
    if (name == "Ntry") {
      BOOST_OUTCOME_TRYV(stream.read(reader));
      if (!begun) {
        fillNumber();
        if (!info.currency) {  // neither Acct/Ccy nor a balance: the first entry's currency
          if (const auto code = stream.entry().slot(kAmt).currencyCode()) {
            if (auto currency = Currency::fromCode(trimXml(*code))) {
              info.currency = currency.value();
            }
          }
        }
        BOOST_OUTCOME_TRYV(sink.begin(info));
        begun = true;
      }
      ++entries;
      BOOST_OUTCOME_TRYV(sendEntries(reader, stream, sink, context, entry));
      continue;
    }
    BOOST_OUTCOME_TRY(element, reader.readTree());
    if (name == "Id") {
      id = element.value();
    } else if (name == "ElctrncSeqNb") {
      electronic = element.value();
    } else if (name == "LglSeqNb") {
      legal = element.value();
    } else if (name == "CreDtTm") {
      if (!info.date) {
        BOOST_OUTCOME_TRY(date, xmlDate(reader, element));
        info.date = date;
      }
    } else if (name == "FrToDt") {
      if (const XmlElement* to = element.child("ToDtTm")) {
        BOOST_OUTCOME_TRY(date, xmlDate(reader, *to));
        info.date = date;
      }
    } else if (name == "Acct") {
      const auto iban = element.textAt("Id/IBAN");
      info.iban = iban;
      info.account = iban.empty() ? element.textAt("Id/Othr/Id") : iban;
      if (const auto code = element.textAt("Ccy"); !code.empty()) {
        auto currency = Currency::fromCode(code);
        if (!currency) {
          return reader.errorAt(element, fmt::format("'{}' is not a currency", code));
        }
        info.currency = currency.value();
      }
    } else if (name == "Bal") {
      BOOST_OUTCOME_TRY(balance, readBalance(reader, element, interimSeen));
      if (!info.currency) {
        info.currency = balance.amount.currency();
      }
      if (balance.type == BalanceType::Opening &&
          (!info.opening || element.textAt("Tp/CdOrPrtry/Cd") == "OPBD")) {
        info.opening = balance;
      } else if (balance.type == BalanceType::Closing && !info.closing) {
        info.closing = balance;
      } else {
        info.otherBalances.push_back(balance);
      }
    }
  }
  fillNumber();
  if (!begun) {
    BOOST_OUTCOME_TRYV(sink.begin(info));
  }
  return sink.end(info);
}

}  // namespace

Result<void> readCamt(std::istream& in, StatementSink& sink, Format format) {
  const CamtKind kind = kindOf(format);
  XmlReader reader(in, kind.label);
  BOOST_OUTCOME_TRYV(reader.openRoot());
  // A SWIFT envelope (CBPR+) carries an application header and the Document.
  BOOST_OUTCOME_TRYV(enterIsoEnvelope(reader));
  if (reader.name() != "Document") {
    return reader.error(fmt::format("the root element is <{}>, not an ISO 20022 <Document>", reader.name()));
  }
  const std::string_view uri = reader.namespaceUri();
  const std::string expected = fmt::format("{}.001.", kind.label);
  if (uri.find(expected) == std::string_view::npos) {
    return fail(Errc::UnsupportedFormat,
                fmt::format("the Document's namespace '{}' is not a {} message", uri, kind.label),
                reader.where());
  }
  const int documentDepth = reader.depth();
  BOOST_OUTCOME_TRY(hasMessage, reader.nextChild(documentDepth));
  if (!hasMessage || reader.name() != kind.message) {
    return reader.error(fmt::format("a {} Document must hold <{}>", kind.label, kind.message));
  }
  const int messageDepth = reader.depth();
  std::string messageId;
  std::size_t records = 0;
  while (true) {
    BOOST_OUTCOME_TRY(more, reader.nextChild(messageDepth));
    if (!more) {
      break;
    }
    if (reader.name() == "GrpHdr") {
      BOOST_OUTCOME_TRY(header, reader.readTree());
      messageId = header.textAt("MsgId");
    } else if (reader.name() == kind.record) {
      ++records;
      BOOST_OUTCOME_TRYV(readRecord(reader, sink, messageId));
    }
  }
  if (records == 0) {
    return reader.error(fmt::format("the {} message holds no <{}>", kind.label, kind.record));
  }
  return boost::outcome_v2::success();
}

}  // namespace platnik::banking::formats::detail
