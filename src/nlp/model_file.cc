#include "nlp/model_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <fstream>

namespace hearsay::nlp {
namespace {

constexpr char kMagic[8] = {'H', 'S', 'N', 'L', 'P', 'M', 'D', 'L'};
constexpr size_t kNameSize = 24;
constexpr size_t kEntrySize = kNameSize + 16;

size_t Align8(size_t n) { return (n + 7) & ~size_t{7}; }

}  // namespace

ModelFile::~ModelFile() {
  if (mapped_ && data_) munmap(const_cast<char*>(data_), size_);
}

ModelFile::ModelFile(ModelFile&& o) noexcept { *this = std::move(o); }

ModelFile& ModelFile::operator=(ModelFile&& o) noexcept {
  if (this != &o) {
    if (mapped_ && data_) munmap(const_cast<char*>(data_), size_);
    name_ = std::move(o.name_);
    data_ = o.data_;
    size_ = o.size_;
    mapped_ = o.mapped_;
    sections_ = std::move(o.sections_);
    o.data_ = nullptr;
    o.size_ = 0;
    o.mapped_ = false;
  }
  return *this;
}

Result<ModelFile> ModelFile::Open(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return NotFoundError(path + ": cannot open model file");
  struct stat st;
  if (fstat(fd, &st) != 0) {
    close(fd);
    return IoError(path + ": cannot stat");
  }
  size_t size = static_cast<size_t>(st.st_size);
  if (size < 16) {
    close(fd);
    return DataLossError(path + ": too short to be a model file");
  }
  void* p = mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  close(fd);
  if (p == MAP_FAILED) return IoError(path + ": mmap failed");
  ModelFile f;
  f.name_ = path;
  f.data_ = static_cast<const char*>(p);
  f.size_ = size;
  f.mapped_ = true;
  HEARSAY_RETURN_IF_ERROR(f.Index());
  return f;
}

Result<ModelFile> ModelFile::FromBuffer(std::string_view bytes,
                                        std::string name) {
  ModelFile f;
  f.name_ = std::move(name);
  f.data_ = bytes.data();
  f.size_ = bytes.size();
  HEARSAY_RETURN_IF_ERROR(f.Index());
  return f;
}

Status ModelFile::Index() {
  if (size_ < 16 || std::memcmp(data_, kMagic, 8) != 0) {
    return DataLossError(name_ + ": not a hearsay model file (bad magic)");
  }
  if (reinterpret_cast<uintptr_t>(data_) % 8 != 0) {
    return InvalidArgumentError(name_ +
                                ": model bytes must start 8-byte aligned");
  }
  uint32_t version, n;
  std::memcpy(&version, data_ + 8, 4);
  std::memcpy(&n, data_ + 12, 4);
  if (version != kModelFormatVersion) {
    return FailedPreconditionError(name_ + ": model format version " +
                                   std::to_string(version) + ", expected " +
                                   std::to_string(kModelFormatVersion));
  }
  if (16 + static_cast<uint64_t>(n) * kEntrySize > size_) {
    return DataLossError(name_ + ": truncated section table");
  }
  sections_.clear();
  for (uint32_t i = 0; i < n; ++i) {
    const char* e = data_ + 16 + i * kEntrySize;
    Entry entry;
    entry.name.assign(e, strnlen(e, kNameSize));
    std::memcpy(&entry.offset, e + kNameSize, 8);
    std::memcpy(&entry.size, e + kNameSize + 8, 8);
    if (entry.offset > size_ || entry.size > size_ - entry.offset) {
      return DataLossError(name_ + ": section " + entry.name +
                           " lies outside the file");
    }
    // Weight tables are read in place as arrays of integers: a section
    // that does not start on an 8-byte boundary cannot be one of ours.
    if (entry.offset % 8 != 0) {
      return DataLossError(name_ + ": section " + entry.name +
                           " is not 8-byte aligned");
    }
    sections_.push_back(std::move(entry));
  }
  return Status::Ok();
}

bool ModelFile::Has(std::string_view name) const {
  for (const Entry& e : sections_) {
    if (e.name == name) return true;
  }
  return false;
}

Result<std::string_view> ModelFile::Section(std::string_view name) const {
  for (const Entry& e : sections_) {
    if (e.name == name) return std::string_view(data_ + e.offset, e.size);
  }
  return NotFoundError(name_ + ": no section " + std::string(name));
}

void ModelFile::Release(std::string_view bytes) const {
  // Only pages of the file mapping, and only whole ones inside `bytes`:
  // dropping a page of memory the caller owns would zero it.
  if (!mapped_ || bytes.data() < data_ ||
      bytes.data() + bytes.size() > data_ + size_) {
    return;
  }
  uintptr_t page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  uintptr_t begin = reinterpret_cast<uintptr_t>(bytes.data());
  uintptr_t end = begin + bytes.size();
  begin = (begin + page - 1) & ~(page - 1);
  end &= ~(page - 1);
  if (end > begin) {
    madvise(reinterpret_cast<void*>(begin), end - begin, MADV_DONTNEED);
  }
}

void ModelWriter::Add(std::string name, std::string bytes) {
  sections_.emplace_back(std::move(name), std::move(bytes));
}

std::string ModelWriter::Serialize() const {
  std::string out(kMagic, 8);
  uint32_t version = kModelFormatVersion;
  uint32_t n = static_cast<uint32_t>(sections_.size());
  out.append(reinterpret_cast<const char*>(&version), 4);
  out.append(reinterpret_cast<const char*>(&n), 4);
  uint64_t offset = Align8(16 + n * kEntrySize);
  for (const auto& [name, bytes] : sections_) {
    char e[kEntrySize] = {};
    std::memcpy(e, name.data(), std::min(name.size(), kNameSize - 1));
    uint64_t size = bytes.size();
    std::memcpy(e + kNameSize, &offset, 8);
    std::memcpy(e + kNameSize + 8, &size, 8);
    out.append(e, kEntrySize);
    offset = Align8(offset + size);
  }
  for (const auto& [name, bytes] : sections_) {
    out.resize(Align8(out.size()), '\0');
    out += bytes;
  }
  return out;
}

Status ModelWriter::WriteFile(const std::string& path) const {
  return WriteFileAtomically(path, Serialize());
}

Status WriteFileAtomically(const std::string& path, std::string_view bytes) {
  std::string tmp = path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) return IoError(tmp + ": cannot open for writing");
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!f) return IoError(tmp + ": write failed");
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    return IoError(path + ": cannot rename into place");
  }
  return Status::Ok();
}

std::string JoinLines(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) {
    out += s;
    out += '\n';
  }
  return out;
}

std::vector<std::string> SplitLines(std::string_view s) {
  std::vector<std::string> out;
  while (!s.empty()) {
    size_t nl = s.find('\n');
    out.emplace_back(s.substr(0, nl));
    if (nl == std::string_view::npos) break;
    s.remove_prefix(nl + 1);
  }
  return out;
}

}  // namespace hearsay::nlp
