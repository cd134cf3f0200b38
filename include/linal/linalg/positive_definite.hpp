#pragma once
/// \file
/// is_positive_definite: the question answered by attempting a Cholesky factorization.

#include "../decomp/cholesky.hpp"
#include "predicates.hpp"

namespace linal {

/// Whether a is Hermitian (symmetric, for real matrices) positive definite: exactly
/// Hermitian, and its Cholesky factorization succeeds. O(n^3). Never throws: a non-square
/// matrix, NaN or infinity (which is_hermitian already rejects) all give false.
template <Expression E>
  requires Field<value_t<E>>
bool is_positive_definite(const E& a) {
  if (!is_hermitian(a)) return false;
  try {
    cholesky(a);
  } catch (const not_positive_definite_error&) {
    return false;
  }
  return true;
}

}  // namespace linal
