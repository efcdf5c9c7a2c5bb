// The binary container every nlp model file uses.
//
// Layout (all integers little-endian, every section 8-byte aligned):
//   0  char[8]  magic "HSNLPMDL"
//   8  uint32   format version (kModelFormatVersion)
//  12  uint32   number of sections N
//  16  N x { char name[24] (NUL-padded); uint64 offset; uint64 size; }
//  ... section bytes
// A model is a set of named sections: text sections (label lists, one per
// line; lexicon tables) and arrays of fixed-width integers (weight tables, see
// perceptron.h). The reader memory-maps the file and hands out views, so
// loading costs a page-table update, not a copy.
//
// ModelFile owns its mapping; views it returns live as long as it does. It is
// immutable after Open() and safe to share between threads. ModelWriter is a
// plain single-threaded builder.
#ifndef HEARSAY_NLP_MODEL_FILE_H_
#define HEARSAY_NLP_MODEL_FILE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/status.h"

namespace hearsay::nlp {

inline constexpr uint32_t kModelFormatVersion = 1;

class ModelFile {
 public:
  ModelFile() = default;
  ~ModelFile();
  ModelFile(const ModelFile&) = delete;
  ModelFile& operator=(const ModelFile&) = delete;
  ModelFile(ModelFile&& o) noexcept;
  ModelFile& operator=(ModelFile&& o) noexcept;

  static Result<ModelFile> Open(const std::string& path);
  // Reads from a buffer owned by the caller (tests, in-memory round trips);
  // the buffer must outlive the ModelFile.
  static Result<ModelFile> FromBuffer(std::string_view bytes, std::string name);

  // The bytes of section `name`, or NotFound.
  Result<std::string_view> Section(std::string_view name) const;
  bool Has(std::string_view name) const;
  // Hands the whole pages of `bytes` (part of a section) back to the
  // kernel when the file is mapped; they are read again from the file if
  // ever touched. For sections read once at load time. No-op for buffers.
  void Release(std::string_view bytes) const;
  const std::string& name() const { return name_; }

 private:
  Status Index();

  std::string name_;
  const char* data_ = nullptr;
  size_t size_ = 0;
  bool mapped_ = false;
  struct Entry {
    std::string name;
    uint64_t offset, size;
  };
  std::vector<Entry> sections_;
};

class ModelWriter {
 public:
  void Add(std::string name, std::string bytes);
  template <typename T>
  void AddArray(std::string name, const std::vector<T>& v) {
    Add(std::move(name), std::string(reinterpret_cast<const char*>(v.data()),
                                     v.size() * sizeof(T)));
  }
  std::string Serialize() const;
  Status WriteFile(const std::string& path) const;

 private:
  std::vector<std::pair<std::string, std::string>> sections_;
};

// Writes `bytes` to path + ".tmp" and renames it over `path`, so that a
// model file is never seen half written (by a reader, or after a crash).
Status WriteFileAtomically(const std::string& path, std::string_view bytes);

// Label lists are stored one per line.
std::string JoinLines(const std::vector<std::string>& v);
std::vector<std::string> SplitLines(std::string_view s);

}  // namespace hearsay::nlp

#endif  // HEARSAY_NLP_MODEL_FILE_H_
