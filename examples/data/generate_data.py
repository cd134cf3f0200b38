#!/usr/bin/env python3
"""Generates the synthetic data sets of the example programs, with fixed seeds.

    python3 examples/data/generate_data.py    (from the repository root)

regression.csv  40 rows of x1, x2, y with y = 1.5 + 2.0 x1 - 0.5 x2 + noise (sd 0.3):
                linear_regression should recover coefficients close to 1.5, 2.0, -0.5.
pca.csv         200 points in 3-D spread along two directions (standard deviations 3 and 1)
                plus a little noise (sd 0.2) in the third: pca should find about 90 %,
                10 % and 0.4 % of the variance along its components (the population
                values; a sample of 200 points gives 91.0 %, 8.6 % and 0.4 %).

Only Python's standard library is used, so the files are the same on every machine.
"""

import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))


def write_csv(name, header, rows):
    with open(os.path.join(HERE, name), "w", encoding="ascii", newline="\n") as f:
        f.write(",".join(header) + "\n")
        for row in rows:
            f.write(",".join(f"{x:.6f}" for x in row) + "\n")


def regression(rng):
    rows = []
    for _ in range(40):
        x1 = rng.uniform(0, 10)
        x2 = rng.uniform(-5, 5)
        y = 1.5 + 2.0 * x1 - 0.5 * x2 + rng.gauss(0, 0.3)
        rows.append((x1, x2, y))
    write_csv("regression.csv", ["x1", "x2", "y"], rows)


def pca(rng):
    # An orthonormal frame: the data varies most along u, then v, hardly along w.
    u = (2 / 3, 2 / 3, 1 / 3)
    v = (-2 / 3, 1 / 3, 2 / 3)
    w = (1 / 3, -2 / 3, 2 / 3)
    centre = (5.0, -2.0, 1.0)
    rows = []
    for _ in range(200):
        a, b, c = rng.gauss(0, 3), rng.gauss(0, 1), rng.gauss(0, 0.2)
        rows.append(tuple(centre[i] + a * u[i] + b * v[i] + c * w[i] for i in range(3)))
    write_csv("pca.csv", ["x", "y", "z"], rows)


def main():
    regression(random.Random(2024))
    pca(random.Random(7))


if __name__ == "__main__":
    main()
