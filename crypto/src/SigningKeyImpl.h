#pragma once

#include "Handles.h"
#include "ModuleState.h"
#include "crypto/SigningKey.h"

#include <memory>

namespace platnik::crypto {

struct SigningKey::Impl {
  std::shared_ptr<detail::ModuleState> module;  ///< keeps the module loaded
  detail::EvpPkeyPtr key;                       ///< libp11's key: operations go to the token
  detail::X509Ptr x509;
  Certificate certificate;

  Impl() = default;
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  ~Impl();
};

}  // namespace platnik::crypto
