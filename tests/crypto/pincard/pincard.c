/* pincard: a PKCS#11 module for tests that wraps SoftHSM2 and behaves like a smart card's
 * PIN policy, which SoftHSM lacks (it never locks a PIN):
 *   - 3 wrong user PINs lock the PIN: CKF_USER_PIN_COUNT_LOW after 1, CKF_USER_PIN_FINAL_TRY
 *     after 2, CKF_USER_PIN_LOCKED after 3; then C_Login(CKU_USER) returns CKR_PIN_LOCKED;
 *   - the right PUK (SO PIN) with C_InitPIN unblocks the PIN and resets its counter;
 *   - 3 wrong PUKs lock the SO PIN (CKF_SO_PIN_*), and the token becomes unusable (every
 *     login returns CKR_PIN_LOCKED).
 * Counters live in the file "$SOFTHSM2_CONF.pincard" (beside the SoftHSM configuration of the
 * token directory), one line per token serial, so they survive a restart of the program.
 * If the file "$SOFTHSM2_CONF.removed" exists, every token behaves as pulled out of its reader
 * (for tests of a token removed in the middle of a batch).
 * Every other call is forwarded to SoftHSM unchanged. */

#include <dlfcn.h>
#include <p11-kit/pkcs11.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef PINCARD_SOFTHSM
#define PINCARD_SOFTHSM "/usr/lib/softhsm/libsofthsm2.so"
#endif

enum { kMaxTries = 3, kMaxTokens = 64 };

struct Counter {
  char serial[17];
  int userFails;
  int soFails;
};

static void* g_library = NULL;
static CK_FUNCTION_LIST_PTR g_softhsm = NULL;
static CK_FUNCTION_LIST g_table;

static void statePath(char* out, size_t size, const char* suffix) {
  const char* conf = getenv("SOFTHSM2_CONF");
  snprintf(out, size, "%s%s", conf != NULL ? conf : "/tmp/softhsm2.conf", suffix);
}

static int tokenRemoved(void) {
  char path[4096];
  struct stat st;
  statePath(path, sizeof path, ".removed");
  return stat(path, &st) == 0;
}

/* The PIN typed on the simulated PIN pad; 0 when the token has no pad. */
static int pinPad(char* pin, size_t size) {
  char path[4096];
  statePath(path, sizeof path, ".pinpad");
  FILE* f = fopen(path, "r");
  if (f == NULL) {
    return 0;
  }
  if (fgets(pin, (int)size, f) == NULL) {
    pin[0] = '\0';
  }
  fclose(f);
  pin[strcspn(pin, "\r\n")] = '\0';
  return 1;
}

static int loadCounters(struct Counter* counters) {
  char path[4096];
  statePath(path, sizeof path, ".pincard");
  FILE* f = fopen(path, "r");
  int n = 0;
  if (f == NULL) {
    return 0;
  }
  while (n < kMaxTokens &&
         fscanf(f, "%16s %d %d", counters[n].serial, &counters[n].userFails, &counters[n].soFails) == 3) {
    ++n;
  }
  fclose(f);
  return n;
}

static void saveCounters(const struct Counter* counters, int n) {
  char path[4096];
  char temporary[4200];
  statePath(path, sizeof path, ".pincard");
  snprintf(temporary, sizeof temporary, "%s.tmp", path);
  FILE* f = fopen(temporary, "w");
  if (f == NULL) {
    return;
  }
  for (int i = 0; i < n; ++i) {
    fprintf(f, "%s %d %d\n", counters[i].serial, counters[i].userFails, counters[i].soFails);
  }
  fclose(f);
  rename(temporary, path);
}

static void serialOf(const CK_TOKEN_INFO* info, char* out) {
  size_t len = sizeof info->serialNumber;
  memcpy(out, info->serialNumber, len);
  out[len] = '\0';
  while (len > 0 && (out[len - 1] == ' ' || out[len - 1] == '\0')) {
    out[--len] = '\0';
  }
  if (len == 0) {
    strcpy(out, "-");
  }
}

/* The counter of the token in `slot` (created at zero); index into `counters`. */
static int counterFor(CK_SLOT_ID slot, struct Counter* counters, int* n) {
  CK_TOKEN_INFO info;
  char serial[17];
  if (g_softhsm->C_GetTokenInfo(slot, &info) != CKR_OK) {
    return -1;
  }
  serialOf(&info, serial);
  for (int i = 0; i < *n; ++i) {
    if (strcmp(counters[i].serial, serial) == 0) {
      return i;
    }
  }
  if (*n >= kMaxTokens) {
    return -1;
  }
  strcpy(counters[*n].serial, serial);
  counters[*n].userFails = 0;
  counters[*n].soFails = 0;
  return (*n)++;
}

static int slotOfSession(CK_SESSION_HANDLE session, CK_SLOT_ID* slot) {
  CK_SESSION_INFO info;
  if (g_softhsm->C_GetSessionInfo(session, &info) != CKR_OK) {
    return 0;
  }
  *slot = info.slotID;
  return 1;
}

static CK_FLAGS pinFlags(int fails, CK_FLAGS low, CK_FLAGS final, CK_FLAGS locked) {
  if (fails >= kMaxTries) {
    return locked;
  }
  if (fails == kMaxTries - 1) {
    return low | final;
  }
  if (fails > 0) {
    return low;
  }
  return 0;
}

static CK_RV pc_C_GetSlotInfo(CK_SLOT_ID slot, CK_SLOT_INFO_PTR info) {
  CK_RV rv = g_softhsm->C_GetSlotInfo(slot, info);
  if (rv == CKR_OK && tokenRemoved()) {
    info->flags &= ~(CK_FLAGS)CKF_TOKEN_PRESENT;
  }
  return rv;
}

static CK_RV pc_C_GetSlotList(CK_BBOOL tokenPresent, CK_SLOT_ID_PTR list, CK_ULONG_PTR count) {
  if (tokenPresent && tokenRemoved()) {
    *count = 0;
    return CKR_OK;
  }
  return g_softhsm->C_GetSlotList(tokenPresent, list, count);
}

static CK_RV pc_C_GetTokenInfo(CK_SLOT_ID slot, CK_TOKEN_INFO_PTR info) {
  struct Counter counters[kMaxTokens];
  int n;
  int i;
  CK_RV rv;
  if (tokenRemoved()) {
    return CKR_TOKEN_NOT_PRESENT;
  }
  rv = g_softhsm->C_GetTokenInfo(slot, info);
  if (rv != CKR_OK) {
    return rv;
  }
  n = loadCounters(counters);
  i = counterFor(slot, counters, &n);
  info->flags &= ~(CK_FLAGS)(CKF_USER_PIN_COUNT_LOW | CKF_USER_PIN_FINAL_TRY | CKF_USER_PIN_LOCKED |
                             CKF_SO_PIN_COUNT_LOW | CKF_SO_PIN_FINAL_TRY | CKF_SO_PIN_LOCKED);
  {
    char pad[256];
    if (pinPad(pad, sizeof pad)) {
      info->flags |= CKF_PROTECTED_AUTHENTICATION_PATH;
    }
  }
  if (i >= 0) {
    info->flags |=
        pinFlags(counters[i].userFails, CKF_USER_PIN_COUNT_LOW, CKF_USER_PIN_FINAL_TRY, CKF_USER_PIN_LOCKED);
    info->flags |=
        pinFlags(counters[i].soFails, CKF_SO_PIN_COUNT_LOW, CKF_SO_PIN_FINAL_TRY, CKF_SO_PIN_LOCKED);
  }
  return CKR_OK;
}

static CK_RV pc_C_OpenSession(CK_SLOT_ID slot, CK_FLAGS flags, CK_VOID_PTR app, CK_NOTIFY notify,
                              CK_SESSION_HANDLE_PTR session) {
  if (tokenRemoved()) {
    return CKR_TOKEN_NOT_PRESENT;
  }
  return g_softhsm->C_OpenSession(slot, flags, app, notify, session);
}

static CK_RV pc_C_Login(CK_SESSION_HANDLE session, CK_USER_TYPE user, CK_UTF8CHAR_PTR pin, CK_ULONG pinLen) {
  struct Counter counters[kMaxTokens];
  CK_SLOT_ID slot;
  int n;
  int i;
  CK_RV rv;
  if (tokenRemoved()) {
    return CKR_DEVICE_REMOVED;
  }
  if (!slotOfSession(session, &slot)) {
    return CKR_SESSION_HANDLE_INVALID;
  }
  n = loadCounters(counters);
  i = counterFor(slot, counters, &n);
  if (i < 0) {
    return CKR_DEVICE_ERROR;
  }
  if (counters[i].soFails >= kMaxTries) {
    return CKR_PIN_LOCKED; /* the card is dead */
  }
  if (user == CKU_USER && counters[i].userFails >= kMaxTries) {
    return CKR_PIN_LOCKED;
  }
  {
    char pad[256];
    if (pin == NULL && pinPad(pad, sizeof pad)) {
      rv = g_softhsm->C_Login(session, user, (CK_UTF8CHAR_PTR)pad, (CK_ULONG)strlen(pad));
    } else {
      rv = g_softhsm->C_Login(session, user, pin, pinLen);
    }
  }
  if (rv == CKR_PIN_INCORRECT) {
    if (user == CKU_SO) {
      counters[i].soFails++;
    } else {
      counters[i].userFails++;
    }
    saveCounters(counters, n);
  } else if (rv == CKR_OK || rv == CKR_USER_ALREADY_LOGGED_IN) {
    if (user == CKU_SO) {
      counters[i].soFails = 0;
    } else {
      counters[i].userFails = 0;
    }
    saveCounters(counters, n);
  }
  return rv;
}

static CK_RV pc_C_InitPIN(CK_SESSION_HANDLE session, CK_UTF8CHAR_PTR pin, CK_ULONG pinLen) {
  struct Counter counters[kMaxTokens];
  CK_SLOT_ID slot;
  int n;
  int i;
  CK_RV rv = g_softhsm->C_InitPIN(session, pin, pinLen);
  if (rv == CKR_OK && slotOfSession(session, &slot)) {
    n = loadCounters(counters);
    i = counterFor(slot, counters, &n);
    if (i >= 0) {
      counters[i].userFails = 0;
      saveCounters(counters, n);
    }
  }
  return rv;
}

static CK_RV pc_C_SetPIN(CK_SESSION_HANDLE session, CK_UTF8CHAR_PTR oldPin, CK_ULONG oldLen,
                         CK_UTF8CHAR_PTR newPin, CK_ULONG newLen) {
  struct Counter counters[kMaxTokens];
  CK_SLOT_ID slot;
  CK_SESSION_INFO info;
  int n;
  int i;
  int so;
  CK_RV rv;
  if (!slotOfSession(session, &slot) || g_softhsm->C_GetSessionInfo(session, &info) != CKR_OK) {
    return CKR_SESSION_HANDLE_INVALID;
  }
  so = info.state == CKS_RW_SO_FUNCTIONS;
  n = loadCounters(counters);
  i = counterFor(slot, counters, &n);
  if (i < 0) {
    return CKR_DEVICE_ERROR;
  }
  if (counters[i].soFails >= kMaxTries || (!so && counters[i].userFails >= kMaxTries)) {
    return CKR_PIN_LOCKED;
  }
  rv = g_softhsm->C_SetPIN(session, oldPin, oldLen, newPin, newLen);
  if (rv == CKR_PIN_INCORRECT) {
    if (so) {
      counters[i].soFails++;
    } else {
      counters[i].userFails++;
    }
    saveCounters(counters, n);
  } else if (rv == CKR_OK) {
    if (so) {
      counters[i].soFails = 0;
    } else {
      counters[i].userFails = 0;
    }
    saveCounters(counters, n);
  }
  return rv;
}

static CK_RV pc_C_SignInit(CK_SESSION_HANDLE session, CK_MECHANISM_PTR mechanism, CK_OBJECT_HANDLE key) {
  if (tokenRemoved()) {
    return CKR_DEVICE_REMOVED;
  }
  return g_softhsm->C_SignInit(session, mechanism, key);
}

static CK_RV pc_C_Sign(CK_SESSION_HANDLE session, CK_BYTE_PTR data, CK_ULONG dataLen, CK_BYTE_PTR signature,
                       CK_ULONG_PTR signatureLen) {
  if (tokenRemoved()) {
    return CKR_DEVICE_REMOVED;
  }
  return g_softhsm->C_Sign(session, data, dataLen, signature, signatureLen);
}

static CK_RV pc_C_GetFunctionList(CK_FUNCTION_LIST_PTR_PTR list);

static CK_RV pc_C_Initialize(CK_VOID_PTR args) {
  CK_RV rv = pc_C_GetFunctionList(NULL);
  if (rv != CKR_OK) {
    return rv;
  }
  return g_softhsm->C_Initialize(args);
}

static CK_RV load(void) {
  CK_C_GetFunctionList get;
  if (g_softhsm != NULL) {
    return CKR_OK;
  }
  g_library = dlopen(PINCARD_SOFTHSM, RTLD_NOW | RTLD_LOCAL);
  if (g_library == NULL) {
    return CKR_GENERAL_ERROR;
  }
  get = (CK_C_GetFunctionList)dlsym(g_library, "C_GetFunctionList");
  if (get == NULL || get(&g_softhsm) != CKR_OK) {
    return CKR_GENERAL_ERROR;
  }
  g_table = *g_softhsm;
  g_table.C_Initialize = pc_C_Initialize;
  g_table.C_GetFunctionList = pc_C_GetFunctionList;
  g_table.C_GetSlotList = pc_C_GetSlotList;
  g_table.C_GetSlotInfo = pc_C_GetSlotInfo;
  g_table.C_GetTokenInfo = pc_C_GetTokenInfo;
  g_table.C_OpenSession = pc_C_OpenSession;
  g_table.C_Login = pc_C_Login;
  g_table.C_InitPIN = pc_C_InitPIN;
  g_table.C_SetPIN = pc_C_SetPIN;
  g_table.C_SignInit = pc_C_SignInit;
  g_table.C_Sign = pc_C_Sign;
  return CKR_OK;
}

static CK_RV pc_C_GetFunctionList(CK_FUNCTION_LIST_PTR_PTR list) {
  CK_RV rv = load();
  if (rv == CKR_OK && list != NULL) {
    *list = &g_table;
  }
  return rv;
}

__attribute__((visibility("default"))) CK_RV C_GetFunctionList(CK_FUNCTION_LIST_PTR_PTR list) {
  if (list == NULL) {
    return CKR_ARGUMENTS_BAD;
  }
  return pc_C_GetFunctionList(list);
}
