// Errors as values.
//
// Every fallible function in hearsay returns a Status, or a Result<T> that
// holds either a T or the Status that explains why there is none. Exceptions
// never cross the library boundary; the edges (CLI, HTTP, Python) turn a
// Status into an exit code, an HTTP status or a Python exception.
//
//   hearsay::Result<Document> doc = ReadFile(path);
//   if (!doc.ok()) return doc.status();
//   Use(*doc);
//
// Status and Result are value types: copy and move them freely. They are not
// synchronised; share them across threads only as you would any value.
#ifndef HEARSAY_STATUS_H_
#define HEARSAY_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace hearsay {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,    // the caller passed something unusable
  kNotFound,           // a file, record or key is absent
  kIoError,            // the operating system refused a read or write
  kDataLoss,           // input is malformed: truncated, corrupt, not the format
  kResourceExhausted,  // a documented size limit was exceeded
  kFailedPrecondition,  // the state does not allow it (e.g. newer schema)
  kUnimplemented,
  kInternal,  // a bug in hearsay
};

std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "DataLoss: record 3: Content-Length exceeds the file".
  std::string ToString() const;

  // Returns a copy whose message is `context + ": " + message()`; used to add
  // the file name or position as an error travels outwards.
  Status WithContext(std::string_view context) const;

  // Lets a caller that has decided to ignore an error say so.
  void IgnoreError() const {}

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgumentError(std::string m) {
  return Status(StatusCode::kInvalidArgument, std::move(m));
}
inline Status NotFoundError(std::string m) {
  return Status(StatusCode::kNotFound, std::move(m));
}
inline Status IoError(std::string m) {
  return Status(StatusCode::kIoError, std::move(m));
}
inline Status DataLossError(std::string m) {
  return Status(StatusCode::kDataLoss, std::move(m));
}
inline Status ResourceExhaustedError(std::string m) {
  return Status(StatusCode::kResourceExhausted, std::move(m));
}
inline Status FailedPreconditionError(std::string m) {
  return Status(StatusCode::kFailedPrecondition, std::move(m));
}
inline Status UnimplementedError(std::string m) {
  return Status(StatusCode::kUnimplemented, std::move(m));
}
inline Status InternalError(std::string m) {
  return Status(StatusCode::kInternal, std::move(m));
}

// Either a value or the non-OK Status explaining its absence.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok() && "a Result built from a Status must be an error");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace hearsay

// Propagates a non-OK Status from the enclosing function.
#define HEARSAY_RETURN_IF_ERROR(expr)                  \
  do {                                                 \
    ::hearsay::Status hearsay_status_ = (expr);        \
    if (!hearsay_status_.ok()) return hearsay_status_; \
  } while (0)

#define HEARSAY_CONCAT_INNER_(a, b) a##b
#define HEARSAY_CONCAT_(a, b) HEARSAY_CONCAT_INNER_(a, b)

// `HEARSAY_ASSIGN_OR_RETURN(auto doc, ReadFile(path));`
#define HEARSAY_ASSIGN_OR_RETURN(lhs, expr)                                  \
  HEARSAY_ASSIGN_OR_RETURN_IMPL_(HEARSAY_CONCAT_(hearsay_result_, __LINE__), \
                                 lhs, expr)
// `tmp` is a name and `lhs` may be a declaration: neither can be
// parenthesised.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define HEARSAY_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                   \
  if (!tmp.ok()) return tmp.status();                  \
  lhs = std::move(tmp).value()
// NOLINTEND(bugprone-macro-parentheses)

#endif  // HEARSAY_STATUS_H_
