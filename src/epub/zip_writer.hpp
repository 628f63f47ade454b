// A zip archive built in memory with libzip, with fixed entry times and attributes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

typedef struct zip zip_t;
typedef struct zip_source zip_source_t;

namespace folio::epub {

/// MS-DOS date and time fields of a zip entry, in UTC, clamped to 1980–2107.
struct DosTime {
  std::uint16_t time = 0;
  std::uint16_t date = 0;
};
DosTime dos_time(std::int64_t seconds);

/// An entry's bytes deflated ahead of time, as ZipWriter::add deflates them (raw deflate,
/// zlib's default level, libzip's settings), with the length and CRC-32 of the original.
struct DeflatedEntry {
  std::string data;
  std::uint64_t size = 0;
  std::uint32_t crc = 0;
};

/// Deflates `bytes` for ZipWriter::add. zlib alone: safe on any thread, so entries can be
/// compressed while something else is awaited. nullopt when zlib fails.
std::optional<DeflatedEntry> deflate_entry(std::string_view bytes);

/// Owns a libzip archive over an in-memory buffer. Entries keep the order they are added in;
/// every entry gets the same time and Unix mode 0644, so equal input gives equal bytes.
class ZipWriter {
 public:
  explicit ZipWriter(DosTime entry_time);
  ~ZipWriter();
  ZipWriter(const ZipWriter&) = delete;
  ZipWriter& operator=(const ZipWriter&) = delete;

  /// Adds `name` with `bytes`; `stored` leaves it uncompressed (EPUB's mimetype must be).
  /// Returns false and sets error() on failure.
  bool add(std::string_view name, std::string_view bytes, bool stored);
  /// Adds `name` with bytes deflated beforehand: libzip copies them as they are. The archive
  /// is the same as if the original bytes had been added.
  bool add(std::string_view name, DeflatedEntry deflated);

  /// Writes the central directory and returns the archive's bytes (nullopt + error()).
  std::optional<std::string> finish();

  const std::string& error() const { return error_; }

 private:
  void fail(std::string what);
  bool add_source(std::string_view name, zip_source_t* src, bool stored);

  DosTime entry_time_;
  zip_source_t* buffer_ = nullptr;  // the archive's bytes; kept alive past zip_close
  zip_t* archive_ = nullptr;
  std::string error_;
};

}  // namespace folio::epub
