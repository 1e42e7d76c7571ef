// The logic of the privacy.* endpoints, independent of NATS: each method takes
// a decoded request and returns a reply or a typed error, with the facts the
// request's audit event records (endpoints/outcome_audit.h builds it).
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "detect/detector.h"
#include "endpoints/caller.h"
#include "endpoints/external_recognition.h"
#include "endpoints/resolve_answer.h"
#include "privacy/v1/privacy.pb.h"
#include "tenant/tenant_guard.h"
#include "vault/session_vault.h"

namespace privacy::endpoints {

// Request limits enforced before any work is done.
struct EndpointLimits {
  size_t max_text_bytes = 256 * 1024;
  size_t max_tokens_per_request = 1000;
  // Per-request allow and deny values: how many, and how long each.
  size_t max_list_values_per_request = 100;
  size_t max_list_value_bytes = 256;
};

// A resolve's or demask's reply, and how many tokens it put back (the audit
// event's entity count).
template <typename Reply>
struct Restored {
  Reply reply;
  uint32_t restored = 0;
};

// PrivacyEndpoints is safe for concurrent use; it holds no per-request state.
// The detector can be replaced while requests run (configuration reload):
// each request uses the detector that was current when it started. With an
// external recognizer (a model), requests wanting its types ask it first and
// fall back to the detector alone when it fails. Session operations act on
// the caller's account's sessions only.
class PrivacyEndpoints {
 public:
  // Optional collaborators; each may be null.
  struct Extensions {
    // Per-account quotas.
    std::shared_ptr<tenant::TenantGuard> tenants;
    // A model asked for its types next to the detector.
    std::shared_ptr<const ExternalRecognition> external;
  };

  PrivacyEndpoints(std::shared_ptr<const detect::Detector> detector,
                   std::shared_ptr<vault::SessionVault> vault, EndpointLimits limits,
                   Extensions extensions = {});

  // Whether the caller's account may make a request now (its rate quota);
  // 429 when not. Call once per request, before the endpoint method.
  Status Admit(const Caller& caller) const;

  // Completion of a mask: the reply or error.
  using MaskDone = std::function<void(Result<v1::MaskReply>)>;

  // Masks `request`'s text into a session. `done` runs once, after the
  // session write is stored (or failed), possibly on another thread.
  void Mask(v1::MaskRequest request, const Caller& caller, MaskDone done) const;
  // Whether Mask() of `request` runs without waiting until its session
  // write is sent: it opens a new session (no session to read first) and
  // no external model is asked (no round trip). A thread that must not
  // wait may call Mask() then.
  bool MasksAtOnce(const v1::MaskRequest& request) const;
  Result<v1::DetectReply> Detect(const v1::DetectRequest& request,
                                 const Caller& caller = Caller{}) const;
  Result<Restored<ResolveAnswer>> Resolve(const v1::ResolveRequest& request,
                                          const Caller& caller) const;
  Result<Restored<v1::DemaskReply>> Demask(const v1::DemaskRequest& request,
                                           const Caller& caller) const;
  // Resolve() and Demask() when they need no wait: the same reply, from the
  // vault's recent copy of the session (SessionVault::OpenAtOnce), or
  // nullopt when they would have to read the session store (call the
  // forms above then, where waiting is allowed).
  std::optional<Result<Restored<ResolveAnswer>>> ResolveAtOnce(const v1::ResolveRequest& request,
                                                               const Caller& caller) const;
  std::optional<Result<Restored<v1::DemaskReply>>> DemaskAtOnce(const v1::DemaskRequest& request,
                                                                const Caller& caller) const;

  // Completion of a delete: the reply or error.
  using DeleteDone = std::function<void(Result<v1::DeleteReply>)>;

  // Erases the caller's session. `done` runs once, possibly on another
  // thread, when no worker can read the session any more.
  void Delete(const v1::DeleteRequest& request, const Caller& caller, DeleteDone done) const;

  // Makes `detector` the one used by requests from now on.
  void ReplaceDetector(std::shared_ptr<const detect::Detector> detector);

 private:
  // A detection whose request passed the checks: the detector current when
  // it was admitted and the options from the request.
  struct AdmittedDetection {
    std::shared_ptr<const detect::Detector> detector;
    detect::DetectOptions options;
  };
  // A mask that passed every check: its detection and its session write.
  struct AdmittedMask {
    AdmittedDetection detection;
    vault::AdmittedTokenize session;
  };

  Status CheckText(const std::string& text, const char* field) const;
  template <typename Request>
  Result<detect::DetectOptions> DetectOptionsFor(const detect::Detector& detector,
                                                 const Request& request) const;
  // The checks of a text to detect in: its size and UTF-8, then the
  // request's entity types and allow and deny lists.
  template <typename Request>
  Result<AdmittedDetection> AdmitDetection(const std::string& text, const Request& request) const;
  // The findings in `text`: the external model's (a round trip, when it is
  // asked) merged by the detector with its own.
  std::vector<detect::Finding> RunDetection(const std::string& text, AdmittedDetection admitted,
                                            const Caller& caller) const;
  // Every check of a mask, before any detection: the text's (as
  // AdmitDetection), the account's session quota for a new session, then
  // the vault's (ttl, session id).
  Result<AdmittedMask> AdmitMask(const v1::MaskRequest& request, const Caller& caller) const;
  // Resolve and Demask with `open(needed_tokens)` giving the session
  // (Result<std::optional<vault::SessionView>>); nullopt when it gives none.
  template <typename Open>
  std::optional<Result<Restored<ResolveAnswer>>> ResolveWith(const v1::ResolveRequest& request,
                                                             Open open) const;
  template <typename Open>
  std::optional<Result<Restored<v1::DemaskReply>>> DemaskWith(const v1::DemaskRequest& request,
                                                              Open open) const;

  std::atomic<std::shared_ptr<const detect::Detector>> detector_;
  std::shared_ptr<vault::SessionVault> vault_;
  EndpointLimits limits_;
  std::shared_ptr<tenant::TenantGuard> tenants_;
  std::shared_ptr<const ExternalRecognition> external_;
};

}  // namespace privacy::endpoints
