#pragma once

#include "crypto/TokenInfo.h"

#include <libp11.h>

#include <p11-kit/pkcs11.h>
#include <string>
#include <vector>

namespace platnik::crypto::detail {

/// A libp11 context with its module loaded and its slot list. Shared by the module,
/// its sessions and signing keys; the last one unloads the module. Used from one thread
/// at a time (the face runs token work on one worker).
struct ModuleState {
  std::string path;
  PKCS11_CTX* ctx = nullptr;
  PKCS11_SLOT* slots = nullptr;
  unsigned int slotCount = 0;
  /// The module's own function table (same instance libp11 initialised): libp11 0.4 reads
  /// token flags only when it enumerates slots, and re-enumerating frees its key objects,
  /// so the live state (presence, PIN flags) is read through C_GetSlotInfo/C_GetTokenInfo.
  void* library = nullptr;
  CK_FUNCTION_LIST* functions = nullptr;
  /// Live state of each libp11 slot, parallel to `slots`.
  std::vector<TokenInfo> infos;
  /// libp11 frees keys and certificates when it re-reads slots: no refresh while a
  /// signing key (or certificate list) is in use.
  int keysInUse = 0;

  ModuleState() = default;
  ModuleState(const ModuleState&) = delete;
  ModuleState& operator=(const ModuleState&) = delete;
  ~ModuleState();

  /// Re-reads the state of every slot; when tokens were inserted or removed (and no key is
  /// in use) re-enumerates libp11's slots too. Returns the CK_RV of a failure, CKR_OK.
  CK_RV refresh();
  /// The slot holding the token with `label`; nullptr when none. Sets `ambiguous` when
  /// more than one token has it.
  PKCS11_SLOT* find(const std::string& label, bool* ambiguous = nullptr) const;
  /// The live state of a slot returned by find().
  const TokenInfo* infoOf(const PKCS11_SLOT* slot) const;
};

}  // namespace platnik::crypto::detail
