// Grey content and flattened transparency for the printers, by rewriting Cairo's finished PDF.
#include "pdf/print_flatten.hpp"

#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/Pl_Flate.hh>
#include <qpdf/Pl_QPDFTokenizer.hh>
#include <qpdf/Pl_String.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace folio::pdf {
namespace {

using QOH = QPDFObjectHandle;
using T = QPDFTokenizer;

// Rec. 601 luma: the grey a black-and-white press gives an RGB colour. A neutral colour
// (r = g = b) keeps its exact level, so Cairo's "0 0 0 rg" becomes "0 g", pure K.
double luma(double r, double g, double b) {
  if (r == g && g == b) return r;
  return 0.299 * r + 0.587 * g + 0.114 * b;
}

// The naive separation with full grey replacement: no profile's ink limits, but black and
// every neutral go to the K plate alone (pure K text), and colours keep their hue.
std::array<double, 4> cmyk_of(double r, double g, double b) {
  double k = 1.0 - std::max({r, g, b});
  if (k >= 1.0) return {0, 0, 0, 1};
  return {(1.0 - r - k) / (1.0 - k), (1.0 - g - k) / (1.0 - k), (1.0 - b - k) / (1.0 - k), k};
}

std::string number(double v) {
  v = std::round(std::clamp(v, 0.0, 1.0) * 10000.0) / 10000.0;
  std::string s = std::to_string(v);
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s.empty() ? "0" : s;
}

// A dictionary's entries, none when the key is absent (qpdf warns on ditems() of a null).
std::map<std::string, QOH> entries(QOH dict) {
  return dict.isDictionary() ? dict.getDictAsMap() : std::map<std::string, QOH>{};
}

bool is_number(const T::Token& t) {
  return t.getType() == T::tt_integer || t.getType() == T::tt_real;
}

// Rewrites a content stream's colour operators to DeviceGray: rg/RG become g/G, a
// DeviceRGB colour space becomes DeviceGray and its sc/scn operands one grey. Patterns are
// left to their own conversion. An inline RGB image cannot be converted here: it throws.
class GreyFilter final : public QOH::TokenFilter {
 public:
  explicit GreyFilter(bool cmyk) : cmyk_(cmyk) {}

  void handleToken(const T::Token& token) override {
    if (token.getType() == T::tt_inline_image) {
      if (inline_rgb_)
        throw std::runtime_error("an inline RGB image, which the grey interior cannot carry");
      emit_pending();
      writeToken(token);
      return;
    }
    if (token.getType() != T::tt_word) {
      pending_.push_back(token);
      return;
    }
    const std::string& op = token.getValue();
    if (op == "q") stack_.push_back(state_);
    if (op == "Q" && !stack_.empty()) {
      state_ = stack_.back();
      stack_.pop_back();
    }
    if (op == "BI") in_inline_dict_ = true, inline_rgb_ = false;
    if (op == "ID") {
      in_inline_dict_ = false;
      for (const auto& t : pending_)
        if (t.getType() == T::tt_name &&
            (t.getValue() == "/RGB" || t.getValue() == "/DeviceRGB" || t.getValue() == "/CalRGB"))
          inline_rgb_ = true;
    }
    if (in_inline_dict_ || op == "ID") {
      emit_pending();
      writeToken(token);
      return;
    }
    bool stroke = op == "RG" || op == "CS" || op == "SC" || op == "SCN";
    if (op == "rg" || op == "RG") return grey(cmyk_ ? (stroke ? "K" : "k") : (stroke ? "G" : "g"));
    if (op == "cs" || op == "CS") {
      std::string space = last_name();
      bool rgb = space == "/DeviceRGB";
      if (!rgb && space != "/DeviceGray" && space != "/DeviceCMYK" && space != "/Pattern")
        throw std::runtime_error("the colour space " + space + " in a page's content");
      (stroke ? state_.stroke_rgb : state_.fill_rgb) = rgb;
      if (rgb) {
        pending_.clear();
        write(std::string(cmyk_ ? "\n/DeviceCMYK " : "\n/DeviceGray ") + op);
        return;
      }
    }
    if ((op == "sc" || op == "scn" || op == "SC" || op == "SCN") &&
        (stroke ? state_.stroke_rgb : state_.fill_rgb))
      return grey(op);
    emit_pending();
    writeToken(token);
  }

  void handleEOF() override { emit_pending(); }

 private:
  struct State {
    bool fill_rgb = false;
    bool stroke_rgb = false;
  };

  void emit_pending() {
    for (const auto& t : pending_) writeToken(t);
    pending_.clear();
  }

  std::string last_name() const {
    for (auto it = pending_.rbegin(); it != pending_.rend(); ++it)
      if (it->getType() == T::tt_name) return it->getValue();
    return {};
  }

  // The three numbers before an RGB operator, written as one grey and `op`.
  void grey(const std::string& op) {
    std::vector<double> v;
    for (const auto& t : pending_)
      if (is_number(t)) v.push_back(std::stod(t.getValue()));
    if (v.size() != 3)
      throw std::runtime_error("an RGB colour operator without three numbers in a page's content");
    pending_.clear();
    // A newline first: the space before the operands went with them (pitfall 12).
    if (!cmyk_) return write("\n" + number(luma(v[0], v[1], v[2])) + " " + op);
    std::string out = "\n";
    for (double c : cmyk_of(v[0], v[1], v[2])) out += number(c) + " ";
    write(out + op);
  }

  std::vector<T::Token> pending_;  // operands (and the space between) not yet written
  State state_;
  std::vector<State> stack_;
  bool in_inline_dict_ = false;
  bool inline_rgb_ = false;
  bool cmyk_;
};

std::string deflate(const std::string& data) {
  std::string out;
  Pl_String sink("deflated", nullptr, out);
  Pl_Flate z("deflate", &sink, Pl_Flate::a_deflate);
  z.write(reinterpret_cast<const unsigned char*>(data.data()), data.size());
  z.finish();
  return out;
}

std::string decoded(QOH stream) {
  std::shared_ptr<Buffer> b = stream.getStreamData(qpdf_dl_all);
  return std::string(reinterpret_cast<const char*>(b->getBuffer()), b->getSize());
}

void replace_with_flate(QOH stream, const std::string& plain) {
  std::string z = deflate(plain);
  auto buf = std::make_shared<Buffer>(z.size());
  std::copy(z.begin(), z.end(), buf->getBuffer());
  stream.replaceStreamData(buf, QOH::newName("/FlateDecode"), QOH::newNull());
}

std::string grey_content(const std::string& content, bool cmyk) {
  std::string out;
  Pl_String sink("grey content", nullptr, out);
  GreyFilter filter(cmyk);
  Pl_QPDFTokenizer tokens("grey tokens", &filter, &sink);
  tokens.write(reinterpret_cast<const unsigned char*>(content.data()), content.size());
  tokens.finish();
  return out;
}

class Flattener {
 public:
  Flattener(QPDF& pdf, PrintColour colour)
      : pdf_(pdf),
        grey_(colour == PrintColour::grey || colour == PrintColour::cmyk),
        cmyk_(colour == PrintColour::cmyk) {}

  void page(QPDFPageObjectHelper& page) {
    QOH dict = page.getObjectHandle();
    dict.removeKey("/Group");  // Cairo's page transparency group: nothing transparent is left
    resources(page.getAttribute("/Resources", false));
    if (!grey_) return;
    std::string content;
    Pl_String sink("page content", nullptr, content);
    page.pipeContents(&sink);
    QOH stream = QOH::newStream(&pdf_);
    replace_with_flate(stream, grey_content(content, cmyk_));
    dict.replaceKey("/Contents", stream);
  }

 private:
  bool first_visit(QOH o) {
    if (!o.isIndirect()) return true;
    return seen_.insert(o.getObjGen()).second;
  }

  void resources(QOH res) {
    if (!res.isDictionary() || !first_visit(res)) return;
    for (auto& [name, gs] : entries(res.getKey("/ExtGState"))) ext_gstate(gs);
    for (auto& [name, x] : entries(res.getKey("/XObject"))) xobject(x);
    for (auto& [name, p] : entries(res.getKey("/Pattern"))) pattern(p);
    for (auto& [name, s] : entries(res.getKey("/Shading"))) shading(s);
    for (auto& [name, f] : entries(res.getKey("/Font"))) font(f);
    if (grey_)
      for (auto& [name, cs] : entries(res.getKey("/ColorSpace")))
        if (!colour_space_is_grey_or_cmyk(cs))
          throw std::runtime_error("the colour space " + name + " is not grey or CMYK");
  }

  static bool colour_space_is_grey_or_cmyk(QOH cs) {
    if (cs.isNameAndEquals("/DeviceGray") || cs.isNameAndEquals("/DeviceCMYK") ||
        cs.isNameAndEquals("/Pattern"))
      return true;
    return cs.isArray() && cs.getArrayNItems() == 1 &&
           cs.getArrayItem(0).isNameAndEquals("/Pattern");
  }

  void ext_gstate(QOH gs) {
    if (!gs.isDictionary() || !first_visit(gs)) return;
    for (const char* alpha : {"/CA", "/ca"}) {
      QOH a = gs.getKey(alpha);
      if (a.isNumber() && a.getNumericValue() < 1.0)
        throw std::runtime_error("a constant opacity below 1 (" + std::string(alpha) +
                                 "), which a printer's flat file cannot carry");
      if (grey_) gs.removeKey(alpha);  // a PDF 1.4 key: X-1a is PDF 1.3
    }
    QOH smask = gs.getKey("/SMask");
    if (!smask.isNull() && !smask.isNameAndEquals("/None"))
      throw std::runtime_error("a soft mask in a graphics state, which cannot be flattened");
    QOH bm = gs.getKey("/BM");
    if (!bm.isNull() && !bm.isNameAndEquals("/Normal") && !bm.isNameAndEquals("/Compatible"))
      throw std::runtime_error("a blend mode, which a printer's flat file cannot carry");
    if (grey_)
      for (const char* k : {"/SMask", "/BM", "/AIS", "/TK"}) gs.removeKey(k);
  }

  void xobject(QOH x) {
    if (!x.isStream() || !first_visit(x)) return;
    QOH dict = x.getDict();
    if (dict.getKey("/Subtype").isNameAndEquals("/Image")) return image(x);
    if (!dict.getKey("/Subtype").isNameAndEquals("/Form")) return;
    dict.removeKey("/Group");
    resources(dict.getKey("/Resources"));
    if (grey_) replace_with_flate(x, grey_content(decoded(x), cmyk_));
  }

  void pattern(QOH p) {
    if (!first_visit(p)) return;
    if (p.isStream()) {  // a tiling pattern: content of its own
      resources(p.getDict().getKey("/Resources"));
      if (grey_) replace_with_flate(p, grey_content(decoded(p), cmyk_));
      return;
    }
    if (p.isDictionary()) {
      ext_gstate(p.getKey("/ExtGState"));
      shading(p.getKey("/Shading"));
    }
  }

  void font(QOH f) {
    if (!f.isDictionary() || !first_visit(f)) return;
    if (!f.getKey("/Subtype").isNameAndEquals("/Type3")) return;
    resources(f.getKey("/Resources"));
    if (!grey_) return;
    for (auto& [name, proc] : entries(f.getKey("/CharProcs")))
      if (proc.isStream() && first_visit(proc))
        replace_with_flate(proc, grey_content(decoded(proc), cmyk_));
  }

  // An axial or radial shading's RGB function becomes a grey one: luma is linear, so the
  // grey of an interpolated colour is the interpolation of the greys.
  void shading(QOH s) {
    if (!grey_ || !first_visit(s)) return;
    if (s.isStream() || !s.isDictionary())
      throw std::runtime_error("a mesh shading, which the grey interior cannot convert");
    QOH cs = s.getKey("/ColorSpace");
    if (cs.isNameAndEquals("/DeviceGray") || cs.isNameAndEquals("/DeviceCMYK")) return;
    if (!cs.isNameAndEquals("/DeviceRGB"))
      throw std::runtime_error("a shading in a colour space other than RGB, grey or CMYK");
    s.replaceKey("/ColorSpace", QOH::newName(cmyk_ ? "/DeviceCMYK" : "/DeviceGray"));
    QOH bg = s.getKey("/Background");
    if (bg.isArray()) s.replaceKey("/Background", grey_array(bg));
    function(s.getKey("/Function"));
  }

  QOH grey_array(QOH rgb) {
    if (!rgb.isArray() || rgb.getArrayNItems() != 3)
      throw std::runtime_error("an RGB colour that is not three numbers");
    double v[3];
    for (int i = 0; i < 3; ++i) v[i] = rgb.getArrayItem(i).getNumericValue();
    if (!cmyk_)
      return QOH::newArray(std::vector<QOH>{QOH::newReal(number(luma(v[0], v[1], v[2])))});
    std::vector<QOH> out;
    for (double c : cmyk_of(v[0], v[1], v[2])) out.push_back(QOH::newReal(number(c)));
    return QOH::newArray(out);
  }

  void function(QOH f) {
    if (!first_visit(f)) return;
    if (!f.isDictionary())
      throw std::runtime_error(
          "a sampled shading function, which the grey interior cannot convert");
    long long type =
        f.getKey("/FunctionType").isInteger() ? f.getKey("/FunctionType").getIntValue() : -1;
    if (type == 2) {
      for (const char* c : {"/C0", "/C1"})
        if (f.hasKey(c)) f.replaceKey(c, grey_array(f.getKey(c)));
      if (!f.hasKey("/C1")) throw std::runtime_error("an RGB shading function without /C1");
      if (f.hasKey("/Range"))
        f.replaceKey("/Range", QOH::parse(cmyk_ ? "[0 1 0 1 0 1 0 1]" : "[0 1]"));
      return;
    }
    if (type == 3) {
      for (QOH sub : f.getKey("/Functions").getArrayAsVector()) function(sub);
      if (f.hasKey("/Range"))
        f.replaceKey("/Range", QOH::parse(cmyk_ ? "[0 1 0 1 0 1 0 1]" : "[0 1]"));
      return;
    }
    throw std::runtime_error("a shading function of a type the grey interior cannot convert");
  }

  // Pixels in grey or RGB, the soft mask laid over white paper, and (for X-1a) made grey.
  void image(QOH x) {
    QOH dict = x.getDict();
    if (dict.getKey("/ImageMask").isBool() && dict.getKey("/ImageMask").getBoolValue()) return;
    QOH cs = dict.getKey("/ColorSpace");
    bool rgb = cs.isNameAndEquals("/DeviceRGB");
    bool gray = cs.isNameAndEquals("/DeviceGray");
    bool cmyk = cs.isNameAndEquals("/DeviceCMYK");
    QOH smask = dict.getKey("/SMask");
    bool masked = smask.isStream();
    if (!masked && (gray || cmyk || (rgb && !grey_))) return;
    if (!(rgb || gray))
      throw std::runtime_error("an image in a colour space folio cannot convert for print");
    if (!dict.getKey("/BitsPerComponent").isInteger() ||
        dict.getKey("/BitsPerComponent").getIntValue() != 8 || dict.hasKey("/Decode"))
      throw std::runtime_error("an image that is not 8 bits per sample");
    long long w = dict.getKey("/Width").getIntValue(), h = dict.getKey("/Height").getIntValue();
    std::size_t channels = rgb ? 3 : 1;
    std::string px = decoded(x);
    std::size_t n = static_cast<std::size_t>(w) * static_cast<std::size_t>(h);
    if (px.size() < n * channels) throw std::runtime_error("an image shorter than its size");
    std::string alpha;
    if (masked) {
      QOH md = smask.getDict();
      if (md.getKey("/Width").getIntValue() != w || md.getKey("/Height").getIntValue() != h)
        throw std::runtime_error("an image whose soft mask is not its own size");
      alpha = decoded(smask);
      if (alpha.size() < n) throw std::runtime_error("an image's soft mask shorter than its size");
    }
    bool to_grey = grey_ && rgb;
    std::size_t out_channels = to_grey ? (cmyk_ ? 4 : 1) : channels;
    std::string out(n * out_channels, '\0');
    for (std::size_t i = 0; i < n; ++i) {
      double a = masked ? static_cast<unsigned char>(alpha[i]) / 255.0 : 1.0;
      double c[3];
      for (std::size_t k = 0; k < channels; ++k) {
        double v = static_cast<unsigned char>(px[i * channels + k]) / 255.0;
        c[k] = v * a + (1.0 - a);  // over white paper
      }
      if (to_grey && cmyk_) {
        std::array<double, 4> ink = cmyk_of(c[0], c[1], c[2]);
        for (std::size_t k = 0; k < 4; ++k)
          out[i * 4 + k] = static_cast<char>(std::lround(ink[k] * 255.0));
      } else if (to_grey) {
        out[i] = static_cast<char>(std::lround(luma(c[0], c[1], c[2]) * 255.0));
      } else {
        for (std::size_t k = 0; k < channels; ++k)
          out[i * channels + k] = static_cast<char>(std::lround(c[k] * 255.0));
      }
    }
    replace_with_flate(x, out);
    dict.removeKey("/SMask");
    dict.removeKey("/DecodeParms");
    if (to_grey)
      dict.replaceKey("/ColorSpace", QOH::newName(cmyk_ ? "/DeviceCMYK" : "/DeviceGray"));
  }

  QPDF& pdf_;
  bool grey_;  // RGB is rewritten (to grey, or with cmyk_ to CMYK)
  bool cmyk_;
  std::set<QPDFObjGen> seen_;
};

}  // namespace

void apply_print_colour(QPDF& pdf, PrintColour colour) {
  if (colour == PrintColour::as_drawn) return;
  Flattener flat(pdf, colour);
  for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) flat.page(page);
}

}  // namespace folio::pdf
