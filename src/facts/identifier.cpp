// ISBN identifiers (read by model/isbn) and name-based UUIDs for the package's unique identifier.
#include "facts/identifier.hpp"

#include "model/isbn.hpp"

#include <fmt/format.h>
#include <glib.h>

#include <array>
#include <cctype>

namespace folio::facts {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<IsbnParse> parse_isbn(std::string_view raw) {
  model::IsbnVerdict v = model::check_isbn(trim(raw));
  if (v.kind == model::IsbnVerdict::not_isbn) return std::nullopt;
  return IsbnParse{std::move(v.digits), v.kind == model::IsbnVerdict::valid};
}

std::string uuid_v5_url_namespace(std::string_view name) {
  // RFC 4122 appendix C: the URL namespace 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
  static constexpr std::array<guint8, 16> kUrlNamespace = {0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad,
                                                           0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0,
                                                           0x4f, 0xd4, 0x30, 0xc8};
  GChecksum* sha1 = g_checksum_new(G_CHECKSUM_SHA1);
  g_checksum_update(sha1, kUrlNamespace.data(), kUrlNamespace.size());
  g_checksum_update(sha1, reinterpret_cast<const guchar*>(name.data()),
                    static_cast<gssize>(name.size()));
  std::array<guint8, 20> digest{};
  gsize len = digest.size();
  g_checksum_get_digest(sha1, digest.data(), &len);
  g_checksum_free(sha1);
  digest[6] = static_cast<guint8>((digest[6] & 0x0F) | 0x50);  // version 5
  digest[8] = static_cast<guint8>((digest[8] & 0x3F) | 0x80);  // RFC 4122 variant
  std::string hex;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) hex += '-';
    hex += fmt::format("{:02x}", digest[static_cast<std::size_t>(i)]);
  }
  return hex;
}

std::string uuid_name(const model::Metadata& meta) {
  std::string name = meta.title.value;
  for (const auto& a : meta.authors) name += "\n" + a.value;
  return name;
}

std::optional<BookIdentifier> book_identifier(const model::Metadata& meta,
                                              support::Diagnostics& diags) {
  std::string_view given = trim(meta.identifier.value);
  if (given.empty())
    return BookIdentifier{"urn:uuid:" + uuid_v5_url_namespace(uuid_name(meta)), ""};
  if (auto isbn = parse_isbn(given)) {
    if (!isbn->valid) {
      diags.error("epub-isbn-invalid", meta.identifier.source,
                  fmt::format("identifier '{}' is written as an ISBN but is not a valid ISBN-10 "
                              "or ISBN-13 (check the digits and the check digit)",
                              given));
      return std::nullopt;
    }
    return BookIdentifier{"urn:isbn:" + isbn->digits, isbn->digits};
  }
  // Any other identifier (a DOI, a urn:uuid:…) is the author's choice; keep it as written.
  return BookIdentifier{std::string(given), ""};
}

}  // namespace folio::facts
