#pragma once
/// \file
/// Printing in NumPy's layout: a matrix prints as rows in brackets, [[1. 2.] then [3. 4.]] on
/// the next line, a vector as [1. 2. 3.]; columns aligned, at most 8 significant decimals,
/// scientific notation when the magnitudes call for it, complex numbers as 1.+2.j. Large
/// arrays are summarized with "...".

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdio>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "matrix.hpp"

namespace linal {

namespace detail {

/// Formats the real numbers of one array so that they share one width and notation.
class real_formatter {
 public:
  explicit real_formatter(const std::vector<double>& values) {
    double lo = 0, hi = 0;
    bool any = false;
    for (double x : values) {
      if (!std::isfinite(x) || x == 0) continue;
      const double a = std::fabs(x);
      lo = any ? std::min(lo, a) : a;
      hi = any ? std::max(hi, a) : a;
      any = true;
    }
    scientific_ = any && (hi >= 1e16 || lo < 1e-4 || hi / lo > 1e3);
    for (double x : values) {
      if (!std::isfinite(x)) continue;
      precision_ = std::max(precision_, digits_needed(x));
    }
  }

  /// x as NumPy writes it, split at the decimal point so that columns can align on it.
  std::pair<std::string, std::string> parts(double x, bool force_sign = false) const {
    if (std::isnan(x)) return {force_sign ? "+nan" : "nan", ""};
    if (std::isinf(x)) return {x < 0 ? "-inf" : (force_sign ? "+inf" : "inf"), ""};
    // Fixed notation shows each value with its own decimals, padded later so that the points
    // align; scientific notation gives every mantissa the same decimals.
    std::string s = format(x, scientific_ ? precision_ : digits_needed(x), force_sign);
    if (!scientific_) {
      const auto dot = s.find('.');
      return {s.substr(0, dot), s.substr(dot)};
    }
    return {s, ""};
  }

 private:
  std::string format(double x, int precision, bool force_sign) const {
    char buf[64];
    std::snprintf(buf, sizeof buf, scientific_ ? (force_sign ? "%+.*e" : "%.*e") : (force_sign ? "%+.*f" : "%.*f"),
                  precision, x);
    std::string s(buf);
    if (precision == 0) {  // keep the point that marks a float: "1." and "1.e+05"
      const auto e = s.find('e');
      s.insert(e == std::string::npos ? s.size() : e, ".");
    }
    return s;
  }
  /// The fewest decimals (at most 8) that show x as the 8-decimal rounding shows it.
  int digits_needed(double x) const {
    const std::string full = format(x, 8, false);
    const auto e = full.find('e');
    const std::string mantissa = full.substr(0, e);
    const auto last = mantissa.find_last_not_of('0');
    const auto dot = mantissa.find('.');
    return static_cast<int>(last == dot ? 0 : last - dot);
  }

  bool scientific_ = false;
  int precision_ = 0;
};

template <class T>
std::vector<std::string> format_elements(const std::vector<T>& values) {
  std::vector<std::string> out;
  out.reserve(values.size());
  if constexpr (std::is_same_v<T, bool>) {
    for (bool b : values) out.push_back(b ? "True" : "False");
  } else if constexpr (std::is_integral_v<T>) {
    for (T x : values) out.push_back(std::to_string(x));
  } else if constexpr (is_complex_v<T>) {
    std::vector<double> re, im;
    for (const T& z : values) {
      re.push_back(static_cast<double>(z.real()));
      im.push_back(static_cast<double>(z.imag()));
    }
    const real_formatter fr(re), fi(im);
    std::vector<std::pair<std::string, std::string>> rp, ip;
    std::size_t rw = 0, rf = 0, iw = 0, iff = 0;
    for (std::size_t k = 0; k < values.size(); ++k) {
      rp.push_back(fr.parts(re[k]));
      ip.push_back(fi.parts(im[k], true));
      rw = std::max(rw, rp.back().first.size());
      rf = std::max(rf, rp.back().second.size());
      iw = std::max(iw, ip.back().first.size());
      iff = std::max(iff, ip.back().second.size());
    }
    for (std::size_t k = 0; k < values.size(); ++k) {
      const std::string r = std::string(rw - rp[k].first.size(), ' ') + rp[k].first + rp[k].second +
                            std::string(rf - rp[k].second.size(), ' ');
      const std::string i = ip[k].first + ip[k].second + "j" + std::string(iff - ip[k].second.size(), ' ');
      out.push_back(r + std::string(iw - ip[k].first.size(), ' ') + i);
    }
  } else {
    std::vector<double> d(values.begin(), values.end());
    const real_formatter f(d);
    std::vector<std::pair<std::string, std::string>> p;
    std::size_t fraction = 0;
    for (double x : d) {
      p.push_back(f.parts(x));
      fraction = std::max(fraction, p.back().second.size());
    }
    // Non-finite values have no decimal point to align; they are right-aligned as a whole.
    for (std::size_t k = 0; k < p.size(); ++k)
      out.push_back(p[k].first + p[k].second +
                    std::string(std::isfinite(d[k]) ? fraction - p[k].second.size() : 0, ' '));
  }
  return out;
}

/// Indices shown along one axis: all of them, or the first and last three of a long axis.
inline std::vector<std::size_t> shown_indices(std::size_t n, bool summarize) {
  std::vector<std::size_t> idx;
  for (std::size_t k = 0; k < n; ++k)
    if (!summarize || n <= 6 || k < 3 || k >= n - 3) idx.push_back(k);
  return idx;
}

}  // namespace detail

/// Prints an array as NumPy prints it; more than 1000 elements are summarized with "...".
template <Expression E>
std::ostream& operator<<(std::ostream& os, const E& e) {
  using T = value_t<E>;
  constexpr bool one_dimensional = std::remove_cvref_t<E>::static_cols == 1 || std::remove_cvref_t<E>::static_rows == 1;
  const bool summarize = e.rows() * e.cols() > 1000;
  const std::vector<std::size_t> rows = detail::shown_indices(e.rows(), summarize);
  const std::vector<std::size_t> cols = detail::shown_indices(e.cols(), summarize);

  std::vector<T> values;
  for (std::size_t i : rows)
    for (std::size_t j : cols) values.push_back(e(i, j));
  const std::vector<std::string> text = detail::format_elements(values);
  std::size_t width = 0;
  for (const auto& s : text) width = std::max(width, s.size());
  auto cell = [&](std::size_t k) { return std::string(width - text[k].size(), ' ') + text[k]; };

  std::ostringstream out;
  if (one_dimensional) {
    const std::size_t n = values.size();
    const std::vector<std::size_t>& idx = e.cols() == 1 ? rows : cols;
    out << '[';
    for (std::size_t k = 0; k < n; ++k) {
      if (k) out << ' ';
      if (k > 0 && idx[k] != idx[k - 1] + 1) out << "... ";
      out << cell(k);
    }
    out << ']';
  } else {
    out << '[';
    for (std::size_t r = 0; r < rows.size(); ++r) {
      if (r) out << "\n ";
      if (r > 0 && rows[r] != rows[r - 1] + 1) out << "...\n ";
      out << '[';
      for (std::size_t c = 0; c < cols.size(); ++c) {
        if (c) out << ' ';
        if (c > 0 && cols[c] != cols[c - 1] + 1) out << "... ";
        out << cell(r * cols.size() + c);
      }
      out << ']';
    }
    out << ']';
  }
  return os << out.str();
}

/// The printed form as a string.
template <Expression E>
std::string to_string(const E& e) {
  std::ostringstream os;
  os << e;
  return os.str();
}

}  // namespace linal
