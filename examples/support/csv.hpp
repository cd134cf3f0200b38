#pragma once
// Reads the numeric CSV files shipped in examples/data: one header line, then one row of
// comma-separated numbers per line.

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <linal/linal.hpp>

namespace examples {

/// The path of a data file shipped with the examples.
inline std::string data_file(const std::string& name) { return std::string(LINAL_EXAMPLES_DATA_DIR) + "/" + name; }

/// The numbers of a CSV file as a matrix, one row per line after the header.
inline linal::Matrix<double> read_csv(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("read_csv: cannot open " + path);
  std::string line;
  std::getline(in, line);  // the column names
  std::vector<std::vector<double>> rows;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<double> row;
    std::istringstream fields(line);
    for (std::string field; std::getline(fields, field, ',');) row.push_back(std::stod(field));
    if (!rows.empty() && row.size() != rows.front().size())
      throw std::runtime_error("read_csv: " + path + " has rows of different lengths");
    rows.push_back(std::move(row));
  }
  linal::Matrix<double> m(rows.size(), rows.empty() ? 0 : rows.front().size());
  for (std::size_t i = 0; i < m.rows(); ++i)
    for (std::size_t j = 0; j < m.cols(); ++j) m(i, j) = rows[i][j];
  return m;
}

}  // namespace examples
