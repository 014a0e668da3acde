//go:build !linux

package regions

import "time"

// threadCPUTime is only implemented on Linux.
func threadCPUTime() (time.Duration, bool) { return 0, false }
