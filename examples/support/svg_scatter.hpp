#pragma once
// A scatter plot as a small self-contained SVG file: axes through the origin, one dot per
// point, a title. Enough to look at a two-dimensional projection without a plotting library.

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <stdexcept>
#include <string>

#include <linal/linal.hpp>

namespace examples {

/// Plots column 0 of points against column 1.
template <linal::Expression E>
void write_svg_scatter(const std::string& path, const E& points, const std::string& title,
                       const std::string& x_label, const std::string& y_label) {
  constexpr double size = 400, margin = 40;
  double extent = 1e-12;  // one scale for both axes keeps the picture's proportions true
  for (std::size_t i = 0; i < points.rows(); ++i)
    extent = std::max({extent, std::fabs(points(i, 0)), std::fabs(points(i, 1))});
  const double scale = (size / 2 - margin) / extent;
  auto px = [&](double x) { return size / 2 + x * scale; };
  auto py = [&](double y) { return size / 2 - y * scale; };

  std::ofstream out(path);
  if (!out) throw std::runtime_error("write_svg_scatter: cannot create " + path);
  out << std::fixed << std::setprecision(1);
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << size << "\" height=\"" << size
      << "\" viewBox=\"0 0 " << size << " " << size << "\" font-family=\"sans-serif\" font-size=\"12\">\n";
  out << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  out << "<line x1=\"" << margin << "\" y1=\"" << size / 2 << "\" x2=\"" << size - margin << "\" y2=\"" << size / 2
      << "\" stroke=\"#888\"/>\n";
  out << "<line x1=\"" << size / 2 << "\" y1=\"" << margin << "\" x2=\"" << size / 2 << "\" y2=\"" << size - margin
      << "\" stroke=\"#888\"/>\n";
  out << "<text x=\"" << size / 2 << "\" y=\"20\" text-anchor=\"middle\" font-size=\"14\">" << title << "</text>\n";
  out << "<text x=\"" << size - margin << "\" y=\"" << size / 2 + 16 << "\" text-anchor=\"end\">" << x_label
      << "</text>\n";
  out << "<text x=\"" << size / 2 + 6 << "\" y=\"" << margin + 4 << "\">" << y_label << "</text>\n";
  for (std::size_t i = 0; i < points.rows(); ++i)
    out << "<circle cx=\"" << px(points(i, 0)) << "\" cy=\"" << py(points(i, 1))
        << "\" r=\"2.5\" fill=\"#1f77b4\" fill-opacity=\"0.7\"/>\n";
  out << "</svg>\n";
}

}  // namespace examples
