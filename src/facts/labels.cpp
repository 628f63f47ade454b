// Translations of the generated labels, chosen by the primary language subtag.
#include "facts/labels.hpp"

#include <array>
#include <cctype>

namespace folio::facts {
namespace {

const std::array<GeneratedLabels, 5>& all_labels() {
  static const std::array<GeneratedLabels, 5> kLabels{{
      {"en", "Contents", "Landmarks", "Cover", "Title Page", "Copyright", "Dedication", "Notes",
       "Start of Content", "Back to text", "by", "Pages", "Published by {}",
       "Typeset with {} in {}"},
      {"de", "Inhalt", "Orientierungspunkte", "Umschlag", "Titelseite", "Impressum", "Widmung",
       "Anmerkungen", "Textbeginn", "Zurück zum Text", "von", "Seiten", "Erschienen bei {}",
       "Gesetzt mit {} aus der {}"},
      {"fr", "Table des matières", "Repères", "Couverture", "Page de titre", "Mentions légales",
       "Dédicace", "Notes", "Début du texte", "Retour au texte", "par", "Pages", "Publié par {}",
       "Composé avec {} en {}"},
      {"es", "Índice", "Puntos de referencia", "Cubierta", "Portada", "Créditos", "Dedicatoria",
       "Notas", "Inicio del texto", "Volver al texto", "de", "Páginas", "Publicado por {}",
       "Compuesto con {} en {}"},
      {"it", "Indice", "Punti di riferimento", "Copertina", "Frontespizio", "Colophon", "Dedica",
       "Note", "Inizio del testo", "Torna al testo", "di", "Pagine", "Pubblicato da {}",
       "Composto con {} in {}"},
  }};
  return kLabels;
}

}  // namespace

const GeneratedLabels& labels_for(std::string_view lang) {
  std::string primary;
  for (char c : lang) {
    if (c == '-' || c == '_') break;
    primary += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  for (const auto& l : all_labels())
    if (l.lang == primary) return l;
  return all_labels()[0];
}

std::vector<std::string_view> label_languages() {
  std::vector<std::string_view> out;
  for (const auto& l : all_labels()) out.push_back(l.lang);
  return out;
}

std::string_view labels_lang_attribute(const GeneratedLabels& labels, std::string_view book_lang) {
  return &labels_for(book_lang) == &labels && book_lang.substr(0, labels.lang.size()) == labels.lang
             ? std::string_view{}
             : labels.lang;
}

std::string fill_label(std::string_view pattern, const std::vector<std::string>& args) {
  std::string out;
  std::size_t next = 0;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern.compare(i, 2, "{}") == 0 && next < args.size()) {
      out += args[next++];
      ++i;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

}  // namespace folio::facts
