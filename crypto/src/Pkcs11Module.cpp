#include "crypto/Pkcs11Module.h"

#include "Errors.h"
#include "ModuleState.h"

#include <fmt/format.h>

#include <cstdlib>
#include <dlfcn.h>
#include <p11-kit/p11-kit.h>

namespace platnik::crypto {

using banking::Errc;
using banking::fail;

namespace detail {

ModuleState::~ModuleState() {
  if (slots != nullptr) {
    PKCS11_release_all_slots(ctx, slots, slotCount);
  }
  if (ctx != nullptr) {
    PKCS11_CTX_unload(ctx);
    PKCS11_CTX_free(ctx);
  }
  if (library != nullptr) {
    dlclose(library);
  }
}

namespace {

std::string padded(const unsigned char* text, std::size_t size) {
  std::string out(reinterpret_cast<const char*>(text), size);
  while (!out.empty() && (out.back() == ' ' || out.back() == '\0')) {
    out.pop_back();
  }
  return out;
}

}  // namespace

CK_RV ModuleState::refresh() {
  CK_ULONG count = 0;
  CK_RV rv = functions->C_GetSlotList(CK_FALSE, nullptr, &count);
  if (rv != CKR_OK) {
    return rv;
  }
  const auto read = [this]() -> CK_RV {
    infos.assign(slotCount, TokenInfo{});
    for (unsigned int i = 0; i < slotCount; ++i) {
      const CK_SLOT_ID id = PKCS11_get_slotid_from_slot(&slots[i]);
      CK_SLOT_INFO slot{};
      const CK_RV slotRv = functions->C_GetSlotInfo(id, &slot);
      if (slotRv != CKR_OK) {
        return slotRv;
      }
      TokenInfo& info = infos[i];
      info.slotDescription = padded(slot.slotDescription, sizeof slot.slotDescription);
      info.slotManufacturer = padded(slot.manufacturerID, sizeof slot.manufacturerID);
      info.removable = (slot.flags & CKF_REMOVABLE_DEVICE) != 0;
      if ((slot.flags & CKF_TOKEN_PRESENT) == 0) {
        continue;
      }
      CK_TOKEN_INFO token{};
      const CK_RV tokenRv = functions->C_GetTokenInfo(id, &token);
      if (tokenRv == CKR_TOKEN_NOT_PRESENT || tokenRv == CKR_TOKEN_NOT_RECOGNIZED ||
          tokenRv == CKR_DEVICE_REMOVED) {
        continue;
      }
      if (tokenRv != CKR_OK) {
        return tokenRv;
      }
      const CK_FLAGS f = token.flags;
      info.present = true;
      info.label = padded(token.label, sizeof token.label);
      info.serial = padded(token.serialNumber, sizeof token.serialNumber);
      info.manufacturer = padded(token.manufacturerID, sizeof token.manufacturerID);
      info.model = padded(token.model, sizeof token.model);
      info.initialized = (f & CKF_TOKEN_INITIALIZED) != 0;
      info.protectedAuthenticationPath = (f & CKF_PROTECTED_AUTHENTICATION_PATH) != 0;
      info.userPin = PinState{(f & CKF_USER_PIN_COUNT_LOW) != 0, (f & CKF_USER_PIN_FINAL_TRY) != 0,
                              (f & CKF_USER_PIN_LOCKED) != 0, (f & CKF_USER_PIN_TO_BE_CHANGED) != 0};
      info.soPin = PinState{(f & CKF_SO_PIN_COUNT_LOW) != 0, (f & CKF_SO_PIN_FINAL_TRY) != 0,
                            (f & CKF_SO_PIN_LOCKED) != 0, (f & CKF_SO_PIN_TO_BE_CHANGED) != 0};
    }
    return CKR_OK;
  };
  rv = read();
  if (rv != CKR_OK) {
    return rv;
  }
  // Did tokens come or go since libp11 enumerated? Then let libp11 see them too, unless
  // keys are in use (re-enumerating would free them under the signer).
  bool changed = count != slotCount;
  for (unsigned int i = 0; i < slotCount && !changed; ++i) {
    changed = infos[i].present != (slots[i].token != nullptr) ||
              (infos[i].present && infos[i].label != (slots[i].token->label ? slots[i].token->label : ""));
  }
  if (changed && keysInUse == 0) {
    if (slots != nullptr) {
      PKCS11_release_all_slots(ctx, slots, slotCount);
      slots = nullptr;
      slotCount = 0;
    }
    if (PKCS11_enumerate_slots(ctx, &slots, &slotCount) != 0) {
      return CKR_GENERAL_ERROR;
    }
    return read();
  }
  return CKR_OK;
}

PKCS11_SLOT* ModuleState::find(const std::string& label, bool* ambiguous) const {
  PKCS11_SLOT* found = nullptr;
  if (ambiguous != nullptr) {
    *ambiguous = false;
  }
  for (unsigned int i = 0; i < slotCount && i < infos.size(); ++i) {
    if (infos[i].present && infos[i].label == label && slots[i].token != nullptr) {
      if (found != nullptr && ambiguous != nullptr) {
        *ambiguous = true;
      }
      if (found == nullptr) {
        found = &slots[i];
      }
    }
  }
  return found;
}

const TokenInfo* ModuleState::infoOf(const PKCS11_SLOT* slot) const {
  const auto index = static_cast<std::size_t>(slot - slots);
  return index < infos.size() ? &infos[index] : nullptr;
}

}  // namespace detail

banking::Result<std::vector<ModuleInfo>> Pkcs11Module::registeredModules() {
  CK_FUNCTION_LIST** modules = p11_kit_modules_load(nullptr, P11_KIT_MODULE_UNMANAGED);
  if (modules == nullptr) {
    return fail(Errc::Token, fmt::format("p11-kit could not read its module list: {}", p11_kit_message()));
  }
  std::vector<ModuleInfo> out;
  for (CK_FUNCTION_LIST** m = modules; *m != nullptr; ++m) {
    char* name = p11_kit_module_get_name(*m);
    char* file = p11_kit_module_get_filename(*m);
    if (file != nullptr) {
      out.push_back(ModuleInfo{name != nullptr ? name : "", file});
    }
    std::free(name);
    std::free(file);
  }
  p11_kit_modules_release(modules);
  return out;
}

banking::Result<Pkcs11Module> Pkcs11Module::load(const std::string& path) {
  auto state = std::make_shared<detail::ModuleState>();
  state->path = path;
  state->ctx = PKCS11_CTX_new();
  if (state->ctx == nullptr) {
    return detail::tokenError("cannot create a PKCS#11 context", {});
  }
  if (PKCS11_CTX_load(state->ctx, path.c_str()) != 0) {
    PKCS11_CTX_free(state->ctx);
    state->ctx = nullptr;
    auto error = detail::tokenError("cannot load the PKCS#11 module", {});
    error.where = path;
    return error;
  }
  // The instance libp11 just loaded and initialised (RTLD_NOLOAD: never a second copy).
  state->library = dlopen(path.c_str(), RTLD_NOW | RTLD_NOLOAD);
  auto getFunctionList =
      state->library != nullptr
          ? reinterpret_cast<CK_C_GetFunctionList>(dlsym(state->library, "C_GetFunctionList"))
          : nullptr;
  if (getFunctionList == nullptr || getFunctionList(&state->functions) != CKR_OK) {
    return fail(Errc::Token, "the module has no usable C_GetFunctionList", path);
  }
  if (PKCS11_enumerate_slots(state->ctx, &state->slots, &state->slotCount) != 0) {
    auto error = detail::tokenError("cannot list the module's slots", {});
    error.where = path;
    return error;
  }
  if (const CK_RV rv = state->refresh(); rv != CKR_OK) {
    return detail::ckrError(rv, "cannot read the module's slots", path);
  }
  return Pkcs11Module{std::move(state)};
}

const std::string& Pkcs11Module::path() const {
  return m_state->path;
}

banking::Result<std::vector<TokenInfo>> Pkcs11Module::tokens() {
  if (const CK_RV rv = m_state->refresh(); rv != CKR_OK) {
    return detail::ckrError(rv, "cannot read the module's slots", m_state->path);
  }
  return m_state->infos;
}

banking::Result<TokenSession> Pkcs11Module::open(std::string_view label) {
  if (const CK_RV rv = m_state->refresh(); rv != CKR_OK) {
    return detail::ckrError(rv, "cannot read the module's slots", fmt::format("token \"{}\"", label));
  }
  bool ambiguous = false;
  const std::string wanted{label};
  if (m_state->find(wanted, &ambiguous) == nullptr) {
    return fail(Errc::NotFound, "no token with this label is in a reader",
                fmt::format("token \"{}\"", label));
  }
  if (ambiguous) {
    return fail(Errc::Token, "two tokens carry this label; remove one", fmt::format("token \"{}\"", label));
  }
  return TokenSession{m_state, wanted};
}

}  // namespace platnik::crypto
