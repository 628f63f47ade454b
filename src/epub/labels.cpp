// Translations of the generated labels, chosen by the primary language subtag.
#include "epub/labels.hpp"

#include <array>
#include <cctype>

namespace folio::epub {

const GeneratedLabels& labels_for(std::string_view lang) {
  static const std::array<GeneratedLabels, 5> kLabels{{
      {"en", "Contents", "Landmarks", "Cover", "Title Page", "Copyright", "Start of Content",
       "Back to text", "by", "Pages"},
      {"de", "Inhalt", "Orientierungspunkte", "Umschlag", "Titelseite", "Impressum", "Textbeginn",
       "Zurück zum Text", "von", "Seiten"},
      {"fr", "Table des matières", "Repères", "Couverture", "Page de titre", "Mentions légales",
       "Début du texte", "Retour au texte", "par", "Pages"},
      {"es", "Índice", "Puntos de referencia", "Cubierta", "Portada", "Créditos",
       "Inicio del texto", "Volver al texto", "de", "Páginas"},
      {"it", "Indice", "Punti di riferimento", "Copertina", "Frontespizio", "Colophon",
       "Inizio del testo", "Torna al testo", "di", "Pagine"},
  }};
  std::string primary;
  for (char c : lang) {
    if (c == '-' || c == '_') break;
    primary += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  for (const auto& l : kLabels)
    if (l.lang == primary) return l;
  return kLabels[0];
}

}  // namespace folio::epub

namespace folio::epub {

std::string_view labels_lang_attribute(const GeneratedLabels& labels, std::string_view book_lang) {
  return &labels_for(book_lang) == &labels && book_lang.substr(0, labels.lang.size()) == labels.lang
             ? std::string_view{}
             : labels.lang;
}

}  // namespace folio::epub
