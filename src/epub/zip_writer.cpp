// libzip RAII: an archive written into a memory buffer, read back as one string.
#include "epub/zip_writer.hpp"

#include <zip.h>
#include <zlib.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "facts/build_time.hpp"

namespace folio::epub {

DosTime dos_time(std::int64_t seconds) {
  facts::UtcTime t = facts::utc_time(seconds);
  if (t.year < 1980) return {0, static_cast<std::uint16_t>((0 << 9) | (1 << 5) | 1)};  // 1980-01-01
  if (t.year > 2107)
    return {static_cast<std::uint16_t>((23 << 11) | (59 << 5) | 29),
            static_cast<std::uint16_t>((127 << 9) | (12 << 5) | 31)};
  DosTime d;
  d.time = static_cast<std::uint16_t>((t.hour << 11) | (t.minute << 5) | (t.second / 2));
  d.date = static_cast<std::uint16_t>(((t.year - 1980) << 9) | (t.month << 5) | t.day);
  return d;
}

ZipWriter::ZipWriter(DosTime entry_time) : entry_time_(entry_time) {
  zip_error_t err;
  zip_error_init(&err);
  buffer_ = zip_source_buffer_create(nullptr, 0, 0, &err);
  if (!buffer_) {
    fail(std::string("cannot create a zip buffer: ") + zip_error_strerror(&err));
    zip_error_fini(&err);
    return;
  }
  zip_source_keep(buffer_);  // zip_close would otherwise free the buffer holding our bytes
  archive_ = zip_open_from_source(buffer_, ZIP_TRUNCATE, &err);
  if (!archive_) fail(std::string("cannot open a zip archive: ") + zip_error_strerror(&err));
  zip_error_fini(&err);
}

ZipWriter::~ZipWriter() {
  if (archive_) zip_discard(archive_);
  if (buffer_) zip_source_free(buffer_);
}

namespace {

// zlib's default level: level 9 took 40 % longer on a novel's XHTML for 1 % fewer bytes.
constexpr int kDeflateLevel = 6;

}  // namespace

std::optional<DeflatedEntry> deflate_entry(std::string_view bytes) {
  DeflatedEntry out;
  out.size = bytes.size();
  out.crc = static_cast<std::uint32_t>(
      crc32_z(crc32_z(0, nullptr, 0), reinterpret_cast<const Bytef*>(bytes.data()), bytes.size()));
  z_stream z{};
  // libzip's own settings (zip_algorithm_deflate.c), so the bytes are those it would write.
  if (deflateInit2(&z, kDeflateLevel, Z_DEFLATED, -MAX_WBITS, MAX_MEM_LEVEL, Z_DEFAULT_STRATEGY) !=
      Z_OK)
    return std::nullopt;
  out.data.resize(deflateBound(&z, static_cast<uLong>(bytes.size())));
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data.data());
  z.avail_out = static_cast<uInt>(out.data.size());
  int status = deflate(&z, Z_FINISH);
  out.data.resize(z.total_out);
  deflateEnd(&z);
  if (status != Z_STREAM_END) return std::nullopt;
  return out;
}

namespace {

// A libzip source over bytes deflated beforehand: its stat says "deflated, this CRC and
// length", so zip_close copies the data instead of compressing it.
struct RawDeflated {
  DeflatedEntry entry;
  std::size_t offset;
  zip_error_t error;
};

zip_int64_t raw_deflated(void* state, void* data, zip_uint64_t length, zip_source_cmd_t cmd) {
  auto* raw = static_cast<RawDeflated*>(state);
  switch (cmd) {
    case ZIP_SOURCE_OPEN:
      raw->offset = 0;
      return 0;
    case ZIP_SOURCE_READ: {
      std::size_t n = std::min<std::size_t>(length, raw->entry.data.size() - raw->offset);
      std::memcpy(data, raw->entry.data.data() + raw->offset, n);
      raw->offset += n;
      return static_cast<zip_int64_t>(n);
    }
    case ZIP_SOURCE_CLOSE:
      return 0;
    case ZIP_SOURCE_STAT: {
      auto* st = ZIP_SOURCE_GET_ARGS(zip_stat_t, data, length, &raw->error);
      if (!st) return -1;
      zip_stat_init(st);
      st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC |
                  ZIP_STAT_ENCRYPTION_METHOD;
      st->size = raw->entry.size;
      st->comp_size = raw->entry.data.size();
      st->comp_method = ZIP_CM_DEFLATE;
      st->crc = raw->entry.crc;
      st->encryption_method = ZIP_EM_NONE;
      return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_ERROR:
      return zip_error_to_data(&raw->error, data, length);
    case ZIP_SOURCE_FREE:
      zip_error_fini(&raw->error);
      delete raw;
      return 0;
    case ZIP_SOURCE_SUPPORTS:
      return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                            ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
      zip_error_set(&raw->error, ZIP_ER_OPNOTSUPP, 0);
      return -1;
  }
}

}  // namespace

void ZipWriter::fail(std::string what) {
  if (error_.empty()) error_ = std::move(what);
}

bool ZipWriter::add(std::string_view name, std::string_view bytes, bool stored) {
  if (!archive_) return false;
  // libzip reads the data at zip_close; give it its own copy, which it frees. An empty entry
  // gets no buffer at all: libzip does not take ownership of a zero-length one (it leaked).
  void* copy = nullptr;
  if (!bytes.empty()) {
    copy = std::malloc(bytes.size());
    if (!copy) {
      fail("out of memory");
      return false;
    }
    std::memcpy(copy, bytes.data(), bytes.size());
  }
  zip_source_t* src = zip_source_buffer(archive_, copy, bytes.size(), copy ? 1 : 0);
  if (!src) {
    std::free(copy);
    fail(std::string("zip: ") + zip_strerror(archive_));
    return false;
  }
  return add_source(name, src, stored);
}

bool ZipWriter::add(std::string_view name, DeflatedEntry deflated) {
  if (!archive_) return false;
  auto* raw = new RawDeflated{std::move(deflated), 0, {}};
  zip_error_init(&raw->error);
  zip_source_t* src = zip_source_function(archive_, raw_deflated, raw);
  if (!src) {
    zip_error_fini(&raw->error);
    delete raw;
    fail(std::string("zip: ") + zip_strerror(archive_));
    return false;
  }
  return add_source(name, src, false);
}

bool ZipWriter::add_source(std::string_view name, zip_source_t* src, bool stored) {
  zip_int64_t index = zip_file_add(archive_, std::string(name).c_str(), src, ZIP_FL_ENC_UTF_8);
  if (index < 0) {
    zip_source_free(src);
    fail(std::string("zip: cannot add ") + std::string(name) + ": " + zip_strerror(archive_));
    return false;
  }
  auto i = static_cast<zip_uint64_t>(index);
  bool ok = zip_set_file_compression(archive_, i, stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                                     stored ? 0 : kDeflateLevel) == 0 &&
            zip_file_set_dostime(archive_, i, entry_time_.time, entry_time_.date, 0) == 0 &&
            zip_file_set_external_attributes(archive_, i, 0, ZIP_OPSYS_UNIX,
                                             static_cast<zip_uint32_t>(0100644) << 16) == 0;
  if (!ok) fail(std::string("zip: ") + zip_strerror(archive_));
  return ok;
}

std::optional<std::string> ZipWriter::finish() {
  if (!archive_ || !error_.empty()) return std::nullopt;
  if (zip_close(archive_) != 0) {
    fail(std::string("zip: cannot finish the archive: ") + zip_strerror(archive_));
    return std::nullopt;  // the destructor discards it
  }
  archive_ = nullptr;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_source_stat(buffer_, &st) != 0 || zip_source_open(buffer_) != 0) {
    fail("zip: cannot read the finished archive");
    return std::nullopt;
  }
  std::string out(static_cast<std::size_t>(st.size), '\0');
  zip_int64_t n = zip_source_read(buffer_, out.data(), st.size);
  zip_source_close(buffer_);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) {
    fail("zip: short read of the finished archive");
    return std::nullopt;
  }
  return out;
}

}  // namespace folio::epub
