#pragma once
/// \file
/// Module header: the factorizations (LU, Cholesky, LDL^T, QR) and the Householder reflectors
/// they and the spectral decompositions share.

#include "decomp/cholesky.hpp"
#include "decomp/eig.hpp"
#include "decomp/eigh.hpp"
#include "decomp/householder.hpp"
#include "decomp/ldlt.hpp"
#include "decomp/lu.hpp"
#include "decomp/qr.hpp"
#include "decomp/svd.hpp"
