// A minimal streaming JSON writer (objects, arrays, strings, numbers) with correct escaping.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace folio::support {

/// Builds compact or indented JSON into a string. Callers pair begin/end calls;
/// key() must precede each value inside an object.
class JsonWriter {
 public:
  explicit JsonWriter(bool pretty = true) : pretty_(pretty) {}

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  void key(std::string_view k);
  void value(std::string_view s);
  void value(const char* s) { value(std::string_view(s)); }
  void value(long long n);
  void value(int n) { value(static_cast<long long>(n)); }
  void value(bool b);
  void null();

  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  void before_value();
  void newline();
  void write_string(std::string_view s);

  struct Level {
    bool is_object;
    bool empty = true;
  };
  bool pretty_;
  bool after_key_ = false;
  std::vector<Level> stack_;
  std::string out_;
};

}  // namespace folio::support
