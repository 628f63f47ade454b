// A zip archive built in memory with libzip, with fixed entry times and attributes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "epub/build_time.hpp"

typedef struct zip zip_t;
typedef struct zip_source zip_source_t;

namespace folio::epub {

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

  /// Writes the central directory and returns the archive's bytes (nullopt + error()).
  std::optional<std::string> finish();

  const std::string& error() const { return error_; }

 private:
  void fail(std::string what);

  DosTime entry_time_;
  zip_source_t* buffer_ = nullptr;  // the archive's bytes; kept alive past zip_close
  zip_t* archive_ = nullptr;
  std::string error_;
};

}  // namespace folio::epub
