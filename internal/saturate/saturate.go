// Package saturate is integer arithmetic that never wraps: sums and products of non-negative
// ints stop at math.MaxInt. The cost model and the data bounds use it, so that no argument
// (first: 1106804644422572897) or data shape can turn a huge cost into a small one.
package saturate

import "math"

// Add returns a + b, or math.MaxInt when the sum does not fit. Negative operands count as 0.
func Add(a, b int) int {
	a, b = max(a, 0), max(b, 0)
	if a > math.MaxInt-b {
		return math.MaxInt
	}
	return a + b
}

// Mul returns a × b, or math.MaxInt when the product does not fit. Negative operands count as 0.
func Mul(a, b int) int {
	a, b = max(a, 0), max(b, 0)
	if a == 0 || b == 0 {
		return 0
	}
	if a > math.MaxInt/b {
		return math.MaxInt
	}
	return a * b
}

// Sum adds ints with Add.
func Sum(values ...int) int {
	total := 0
	for _, v := range values {
		total = Add(total, v)
	}
	return total
}

// DivCeil returns ⌈a / b⌉ for a ≥ 0 and b > 0 (0 for a ≤ 0).
func DivCeil(a, b int) int {
	if a <= 0 {
		return 0
	}
	return (a-1)/b + 1
}
