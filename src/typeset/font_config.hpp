// A private fontconfig configuration: the author's own fonts/ first, then the system's fonts.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "support/diagnostic.hpp"

typedef struct _FcConfig FcConfig;

namespace folio::typeset {

/// A folder of font files and the folder they must stay inside once symlinks are resolved.
struct FontFolder {
  std::filesystem::path dir;
  std::filesystem::path root;
};

/// `fonts/` beside the manuscript (confined to the manuscript folder), then folio's own
/// `fonts/` folders in the data search path (support::default_data_dirs; each confined to
/// itself). Folders that do not exist are left out.
std::vector<FontFolder> font_folders(const std::filesystem::path& manuscript_dir);

/// A font file fontconfig chose for a family, weight and slant.
struct FontFile {
  std::filesystem::path path;
  int index = 0;        ///< face index inside a collection
  std::string family;   ///< the file's first family name
  bool bold = false;    ///< the file itself is bold (not emboldened by the renderer)
  bool italic = false;  ///< the file itself is italic or oblique
  bool own = false;     ///< the file came from a fonts/ folder, not from the system
};

class FontConfig {
 public:
  /// Loads the font files under `folders`. Without any, no configuration is built and the
  /// process's default one (system fonts, FONTCONFIG_FILE honoured) is used unchanged —
  /// a private copy costs a config parse per build. With some, a private configuration
  /// holds the system fonts plus the author's, and a family the author's files provide
  /// hides the system faces of the same name, so the author's always win. A file whose
  /// real path leaves its folder's root is refused with an error naming it.
  static std::shared_ptr<const FontConfig> load(const std::vector<FontFolder>& folders,
                                                support::Diagnostics& diags);
  ~FontConfig();
  FontConfig(const FontConfig&) = delete;
  FontConfig& operator=(const FontConfig&) = delete;

  /// The private configuration, or null for fontconfig's default one.
  FcConfig* config() const { return config_; }
  /// The author's font files that were loaded, sorted.
  const std::vector<std::filesystem::path>& own_files() const { return own_files_; }

  /// The file fontconfig matches for the family at a weight and slant (nullopt when it
  /// matches nothing, or a face of another family: no silent substitution).
  std::optional<FontFile> find(const std::string& family, bool bold, bool italic) const;

 private:
  FontConfig() = default;
  FcConfig* config_ = nullptr;
  std::vector<std::filesystem::path> own_files_;
};

/// What to install for a family that cannot be found: the Debian package for the families
/// the shipped styles use, else advice to install it or put its files in fonts/.
std::string font_install_hint(const std::string& family);

}  // namespace folio::typeset
