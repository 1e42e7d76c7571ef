// Result types that carry the service's error codes (the same numbers the
// wire uses in Nats-Service-Error-Code) instead of exceptions.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace privacy {

// Error codes of the wire contract (HTTP-like, as in ADR-32 services).
enum class ErrorCode : unsigned {
  kBadRequest = 400,
  kForbidden = 403,
  kNotFound = 404,
  kConflict = 409,
  kTooLarge = 413,
  kTooManyRequests = 429,
  kInternal = 500,
  kUnavailable = 503,
};

// An error: a code and a message that never contains a personal value.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
};

// Either a value or an Error.
template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}
  Result(Error error) : state_(std::move(error)) {}

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() { return std::get<0>(state_); }
  const T& value() const { return std::get<0>(state_); }
  T& operator*() { return value(); }
  T* operator->() { return &value(); }
  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

// Success or an Error, for operations without a value.
class Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)) {}
  static Status Ok() { return Status(); }

  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const { return *error_; }

 private:
  std::optional<Error> error_;
};

inline Error MakeError(ErrorCode code, std::string message) {
  return Error{code, std::move(message)};
}

}  // namespace privacy
