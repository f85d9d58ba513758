package tagger

// addRunGo sets dst to src plus the vectors of run, each class adding
// them in order: dst[c] = ((src[c] + run[0][c]) + run[1][c]) + ... It
// takes ten classes at a time through the whole run, their sums in
// registers, rather than each vector through memory, which would chain
// every addition to a store and a load. dst and src may be the same.
//
// It is addRun where there is no assembly version; the tests compare the
// two bit for bit.
func addRunGo(dst, src *[denseLen]float32, run []*[denseLen]float32) {
	for b := 0; b < denseLen; b += 10 {
		x := (*[10]float32)(src[b:])
		s0, s1, s2, s3, s4, s5, s6, s7, s8, s9 := x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8], x[9]
		for _, v := range run {
			w := (*[10]float32)(v[b:])
			s0 += w[0]
			s1 += w[1]
			s2 += w[2]
			s3 += w[3]
			s4 += w[4]
			s5 += w[5]
			s6 += w[6]
			s7 += w[7]
			s8 += w[8]
			s9 += w[9]
		}
		y := (*[10]float32)(dst[b:])
		y[0], y[1], y[2], y[3], y[4], y[5], y[6], y[7], y[8], y[9] = s0, s1, s2, s3, s4, s5, s6, s7, s8, s9
	}
}
