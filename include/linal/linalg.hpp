#pragma once
/// \file
/// Module header: the matrix types and operations (lesson 5 of the course): trace, det, inv,
/// norms and condition numbers, triangular and symmetric matrices, solve.

#include "linalg/cond.hpp"
#include "linalg/det.hpp"
#include "linalg/inv.hpp"
#include "linalg/lowrank.hpp"
#include "linalg/lstsq.hpp"
#include "linalg/norm.hpp"
#include "linalg/pca.hpp"
#include "linalg/pinv.hpp"
#include "linalg/positive_definite.hpp"
#include "linalg/predicates.hpp"
#include "linalg/rank.hpp"
#include "linalg/solve.hpp"
#include "linalg/structured.hpp"
#include "linalg/trace.hpp"
#include "linalg/triangular.hpp"
