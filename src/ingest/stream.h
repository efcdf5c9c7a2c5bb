// Byte streams for the readers: files, memory, stdin and gzip, read through
// a StreamBuffer that lets a reader look ahead without holding the whole
// input.
//
//   FileStream file(fd);                 // or MemoryStream(bytes)
//   StreamBuffer raw(&file);
//   GzipStream gz(&raw);                 // when the input is gzip
//   StreamBuffer in(&gz);
//   while (in.Fill(4096).ok() && !in.data().empty()) { ...; in.Consume(n); }
//
// Memory: a StreamBuffer holds only what its reader asked to look at, so a
// reader that never asks for more than ReadOptions::max_document_bytes stays
// within it. None of these classes is thread-safe; a stream owns no input it
// was given by pointer, and the pointee must outlive it.
#ifndef HEARSAY_INGEST_STREAM_H_
#define HEARSAY_INGEST_STREAM_H_

#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "hearsay/status.h"

namespace hearsay::ingest {

class ByteStream {
 public:
  virtual ~ByteStream() = default;
  // Reads up to `n` bytes into `out`; 0 means the input has ended.
  virtual Result<size_t> Read(char* out, size_t n) = 0;
  // After an error, skips to the next place reading can resume (the next
  // gzip member). Returns false when there is none.
  virtual bool Resync() { return false; }
  // Maps an offset in this stream's output to a byte offset in the file,
  // for diagnostics. Plain streams are the file.
  virtual uint64_t FileOffset(uint64_t stream_offset) const {
    return stream_offset;
  }
};

// Reads a file descriptor; closes it on destruction when `owned`.
class FileStream : public ByteStream {
 public:
  FileStream(int fd, bool owned) : fd_(fd), owned_(owned) {}
  ~FileStream() override;
  FileStream(const FileStream&) = delete;
  FileStream& operator=(const FileStream&) = delete;
  Result<size_t> Read(char* out, size_t n) override;

 private:
  int fd_;
  bool owned_;
};

// Reads bytes owned by the caller, which must outlive the stream.
class MemoryStream : public ByteStream {
 public:
  explicit MemoryStream(std::string_view bytes) : bytes_(bytes) {}
  Result<size_t> Read(char* out, size_t n) override;

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
};

// A look-ahead window over a ByteStream.
class StreamBuffer {
 public:
  explicit StreamBuffer(ByteStream* source) : source_(source) {}

  // Reads until at least `n` bytes are buffered or the input ends. A read
  // error ends the input: it is returned, and kept in error() until a
  // reader that has reported it calls ClearError() or Resync(). What was
  // buffered before it stays available.
  Status Fill(size_t n);
  const Status& error() const { return error_; }
  void ClearError() { error_ = Status::Ok(); }
  // Reads at least one more chunk, unless the input has ended.
  Status FillMore() { return Fill(size() + 1); }

  // The buffered bytes. The view dies at the next Fill or Consume.
  std::string_view data() const {
    return std::string_view(buffer_.get() + pos_, length_ - pos_);
  }
  size_t size() const { return length_ - pos_; }
  bool eof() const { return eof_; }
  // Stream offset of data()[0].
  uint64_t offset() const { return offset_; }
  uint64_t FileOffset() const { return source_->FileOffset(offset_); }

  void Consume(size_t n);
  // Drops the buffer and asks the source to resume after an error.
  bool Resync();

 private:
  // Makes room for `extra` more bytes after length_.
  void Reserve(size_t extra);

  ByteStream* source_;
  // [pos_, length_) of buffer_ are the buffered bytes. Not a std::string:
  // growing one zero-fills the room a read is about to overwrite.
  std::unique_ptr<char[]> buffer_;
  size_t capacity_ = 0;
  size_t length_ = 0;
  size_t pos_ = 0;
  uint64_t offset_ = 0;
  bool eof_ = false;
  Status error_;
};

// Inflates gzip, member after member, from a StreamBuffer positioned at the
// first member. A corrupt or truncated member is an error; Resync() then
// looks for the next member header.
class GzipStream : public ByteStream {
 public:
  explicit GzipStream(StreamBuffer* raw);
  ~GzipStream() override;
  GzipStream(const GzipStream&) = delete;
  GzipStream& operator=(const GzipStream&) = delete;

  Result<size_t> Read(char* out, size_t n) override;
  bool Resync() override;
  // The file offset of the gzip member that produced `stream_offset`.
  uint64_t FileOffset(uint64_t stream_offset) const override;

 private:
  void StartMember();

  StreamBuffer* raw_;
  z_stream z_{};
  bool init_ok_ = false;
  bool in_member_ = false;
  bool failed_ = false;
  uint64_t produced_ = 0;
  // (stream offset, file offset) of recent member starts, oldest first.
  std::deque<std::pair<uint64_t, uint64_t>> members_;
};

// True when `head` starts with the gzip magic bytes.
inline bool IsGzip(std::string_view head) {
  return head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1f &&
         static_cast<unsigned char>(head[1]) == 0x8b;
}

}  // namespace hearsay::ingest

#endif  // HEARSAY_INGEST_STREAM_H_
