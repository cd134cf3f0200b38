// A tiny recommender: predict the missing ratings of a user x film table from a rank-1
// approximation, on the idea that tastes vary along few directions (here one: action or romance).
// The gaps are filled by repeated low-rank approximation ("hard impute").
#include <iostream>

#include <linal/linal.hpp>

#include "support/rounded.hpp"

int main() {
  using namespace linal;
  // Ratings from 1 to 5; 0 marks a film the user has not rated.
  const char* films[] = {"Heist", "Chase", "Duel", "Letters", "Spring"};
  const Matrix<double> R{{5, 4, 5, 1, 0},   // Ana: action
                         {4, 0, 4, 1, 2},   // Ben: action
                         {1, 1, 0, 5, 4},   // Cho: romance
                         {2, 1, 1, 4, 0},   // Dev: romance
                         {5, 5, 4, 0, 1},   // Eli: action
                         {0, 2, 1, 5, 5}};  // Fay: romance
  const Matrix<double> rated = where(R > 0.0, 1.0, 0.0);

  // Fill each gap with the user's mean rating, then centre each user's row on that mean.
  Vector<double> user_mean = sum(R, 1) / sum(rated, 1);
  Matrix<double> filled = R;
  for (std::size_t i = 0; i < R.rows(); ++i)
    for (std::size_t j = 0; j < R.cols(); ++j)
      filled(i, j) = rated(i, j) != 0 ? R(i, j) - user_mean[i] : 0.0;

  // The closest rank-1 matrix (Eckart-Young): one taste axis, action against romance. The
  // gaps start at the user's mean and are refilled from the approximation until it settles,
  // so that the unknown ratings do not pull the tastes towards the mean.
  std::cout << "singular values of the centred table: " << examples::rounded(svdvals(filled).T(), 2) << "\n";
  Matrix<double> predicted = filled;
  for (int sweep = 0; sweep < 100; ++sweep) {
    const Matrix<double> completed = where(rated != 0.0, filled, predicted);
    predicted = low_rank_approx(completed, 1);
  }
  for (std::size_t i = 0; i < R.rows(); ++i) predicted.row(i) += user_mean[i];

  std::cout << "predicted ratings:\n" << examples::rounded(predicted, 1) << "\n";
  const char* users[] = {"Ana", "Ben", "Cho", "Dev", "Eli", "Fay"};
  for (std::size_t i = 0; i < R.rows(); ++i)
    for (std::size_t j = 0; j < R.cols(); ++j)
      if (rated(i, j) == 0)
        std::cout << users[i] << " would rate " << films[j] << " " << examples::rounded(predicted(i, j), 1) << "\n";
}
