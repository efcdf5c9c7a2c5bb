#include "ingest/stream.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace hearsay::ingest {
namespace {

constexpr size_t kChunk = 64 << 10;
constexpr size_t kMaxMembersRemembered = 1024;

}  // namespace

FileStream::~FileStream() {
  if (owned_ && fd_ >= 0) ::close(fd_);
}

Result<size_t> FileStream::Read(char* out, size_t n) {
  while (true) {
    ssize_t got = ::read(fd_, out, n);
    if (got >= 0) return static_cast<size_t>(got);
    if (errno == EINTR) continue;
    return IoError(std::strerror(errno));
  }
}

Result<size_t> MemoryStream::Read(char* out, size_t n) {
  size_t take = std::min(n, bytes_.size() - pos_);
  std::memcpy(out, bytes_.data() + pos_, take);
  pos_ += take;
  return take;
}

void StreamBuffer::Reserve(size_t extra) {
  if (capacity_ - length_ >= extra) return;
  const size_t need = length_ + extra;
  const size_t capacity = std::max(need, capacity_ + capacity_ / 2);
  auto grown = std::make_unique_for_overwrite<char[]>(capacity);
  if (length_ > 0) std::memcpy(grown.get(), buffer_.get(), length_);
  buffer_ = std::move(grown);
  capacity_ = capacity;
}

Status StreamBuffer::Fill(size_t n) {
  while (size() < n && !eof_) {
    // Compact lazily so that consuming a little at a time stays linear.
    if (pos_ > 0 && pos_ >= length_ / 2) {
      std::memmove(buffer_.get(), buffer_.get() + pos_, length_ - pos_);
      length_ -= pos_;
      pos_ = 0;
    }
    size_t want = std::max(kChunk, std::min(n - size(), size_t{1} << 20));
    Reserve(want);
    Result<size_t> got = source_->Read(buffer_.get() + length_, want);
    if (!got.ok()) {
      eof_ = true;
      error_ = got.status();
      return error_;
    }
    length_ += *got;
    if (*got == 0) eof_ = true;
  }
  return Status::Ok();
}

void StreamBuffer::Consume(size_t n) {
  n = std::min(n, size());
  pos_ += n;
  offset_ += n;
  if (pos_ == length_) {
    length_ = 0;
    pos_ = 0;
  }
}

bool StreamBuffer::Resync() {
  offset_ += size();
  length_ = 0;
  pos_ = 0;
  error_ = Status::Ok();
  bool ok = source_->Resync();
  eof_ = !ok;
  return ok;
}

GzipStream::GzipStream(StreamBuffer* raw) : raw_(raw) {
  // 16 + MAX_WBITS: gzip wrapper only, so a zlib or raw stream is an error.
  init_ok_ = inflateInit2(&z_, 16 + MAX_WBITS) == Z_OK;
}

GzipStream::~GzipStream() {
  if (init_ok_) inflateEnd(&z_);
}

void GzipStream::StartMember() {
  inflateReset(&z_);
  in_member_ = true;
  members_.emplace_back(produced_, raw_->FileOffset());
  if (members_.size() > kMaxMembersRemembered) members_.pop_front();
}

uint64_t GzipStream::FileOffset(uint64_t stream_offset) const {
  for (auto it = members_.rbegin(); it != members_.rend(); ++it) {
    if (it->first <= stream_offset) return it->second;
  }
  return members_.empty() ? 0 : members_.front().second;
}

Result<size_t> GzipStream::Read(char* out, size_t n) {
  if (!init_ok_) return InternalError("zlib failed to initialise");
  if (failed_) return size_t{0};
  size_t got = 0;
  while (got < n) {
    if (!in_member_) {
      Status s = raw_->Fill(2);
      if (!s.ok()) return s;
      if (raw_->size() == 0) break;  // clean end after a whole member
      if (!IsGzip(raw_->data())) {
        if (got > 0) break;
        failed_ = true;
        return DataLossError("data after the last gzip member is not gzip");
      }
      StartMember();
    }
    if (raw_->size() == 0) {
      Status s = raw_->FillMore();
      if (!s.ok()) return s;
      if (raw_->size() == 0) {
        if (got > 0) break;
        failed_ = true;
        uint64_t member = members_.empty() ? 0 : members_.back().second;
        return DataLossError("truncated gzip stream (member at byte " +
                             std::to_string(member) + ")");
      }
    }
    std::string_view in = raw_->data();
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z_.avail_in = static_cast<uInt>(std::min<size_t>(in.size(), 1u << 30));
    z_.next_out = reinterpret_cast<Bytef*>(out + got);
    z_.avail_out = static_cast<uInt>(std::min<size_t>(n - got, 1u << 30));
    uInt avail_in_before = z_.avail_in;
    uInt avail_out_before = z_.avail_out;
    int ret = inflate(&z_, Z_NO_FLUSH);
    raw_->Consume(avail_in_before - z_.avail_in);
    size_t produced = avail_out_before - z_.avail_out;
    got += produced;
    produced_ += produced;
    if (ret == Z_STREAM_END) {
      in_member_ = false;
      continue;
    }
    if (ret == Z_OK) continue;
    if (ret == Z_BUF_ERROR) {
      // All buffered input was taken and more is needed.
      size_t before = raw_->size();
      Status s = raw_->Fill(before + 1);
      if (!s.ok()) return s;
      if (raw_->size() == before) {
        if (got > 0) break;
        failed_ = true;
        uint64_t member = members_.empty() ? 0 : members_.back().second;
        return DataLossError("truncated gzip stream (member at byte " +
                             std::to_string(member) + ")");
      }
      continue;
    }
    // zlib stays in its error state, so when output is pending the next
    // call fails the same way and reports it.
    if (got > 0) break;
    failed_ = true;
    uint64_t member = members_.empty() ? 0 : members_.back().second;
    return DataLossError("corrupt gzip data (member at byte " +
                         std::to_string(member) + ")");
  }
  return got;
}

bool GzipStream::Resync() {
  in_member_ = false;
  failed_ = false;
  // Never find the failed member's own header again.
  if (!members_.empty() && raw_->FileOffset() == members_.back().second) {
    if (!raw_->Fill(1).ok()) return false;
    raw_->Consume(1);
  }
  while (true) {
    if (!raw_->Fill(raw_->size() + kChunk).ok()) return false;
    std::string_view d = raw_->data();
    size_t at = d.find("\x1f\x8b\x08", 0, 3);
    if (at != std::string_view::npos) {
      raw_->Consume(at);
      return true;
    }
    if (raw_->eof()) {
      raw_->Consume(d.size());
      return false;
    }
    // Keep two bytes: a header may straddle the next read.
    raw_->Consume(d.size() > 2 ? d.size() - 2 : 0);
  }
}

}  // namespace hearsay::ingest
