package bench

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Run lengths. Every benchmark runs once for a fixed time whatever b.N
// is; -benchtime does not lengthen it, MITRA_BENCH_WINDOW does.
// Closed-loop runs warm up for 5 s. Open-loop runs ramp the offered load
// up (users join one after the other over openRamp plus one period) and
// measure 4 s after it is full: a bot started cold (connection pools,
// heap) and hit at once with the full rate builds a backlog that, at 80%
// utilisation, takes seconds to drain, and would be measured instead of
// the steady state.
const (
	defaultWindow = 20 * time.Second
	warmup        = 5 * time.Second
	openRamp      = 5 * time.Second
	stepTimeout   = 30 * time.Second
)

// openLoop is the load of an open-loop run: each user steps once per
// period.
func openLoop(period time.Duration) loadSpec {
	return loadSpec{warmup: openRamp + period + 4*time.Second, ramp: openRamp, period: period, window: window(), timeout: stepTimeout}
}

func window() time.Duration {
	if s := os.Getenv("MITRA_BENCH_WINDOW"); s != "" {
		if d, err := time.ParseDuration(s); err == nil && d > 0 {
			return d
		}
	}
	return defaultWindow
}

// offeredRate is the open-loop rate of BenchmarkStepLatency, 1,000
// steps/s unless MITRA_BENCH_RATE says otherwise (for a sweep).
func offeredRate() float64 {
	if s := os.Getenv("MITRA_BENCH_RATE"); s != "" {
		if r, err := strconv.ParseFloat(s, 64); err == nil && r > 0 {
			return r
		}
	}
	return 1000
}

// fakes are the Bot API servers a benchmark can run against.
var fakes = []struct {
	name string
	new  func(b *testing.B, onReply func(reply)) telegram
}{
	{"fake=fast", func(b *testing.B, onReply func(reply)) telegram {
		f := newFastFake(onReply)
		b.Cleanup(f.Close)
		return f
	}},
	{"fake=strict", func(b *testing.B, onReply func(reply)) telegram {
		f := newStrictFake(b, onReply)
		b.Cleanup(f.Close)
		return f
	}},
}

// session is one bot process with its users, ready to step.
type session struct {
	b     *testing.B
	tg    telegram
	bot   *botProcess
	users *users
}

func newSession(b *testing.B, fake int, n int) *session {
	b.Helper()
	us := newUsers(n)
	tg := fakes[fake].new(b, us.deliver)
	us.tg = tg
	bot := startBot(b, tg)
	s := &session{b: b, tg: tg, bot: bot, users: us}
	if err := us.startAll(1000, time.Minute); err != nil {
		b.Fatalf("starting conversations: %v\n%s", err, bot.stderr)
	}
	return s
}

// check fails the benchmark if anything went wrong: a user got an
// unexpected answer or none, the bot got an API error or logged a
// warning, or it died. These are correctness checks, not timing ones.
func (s *session) check(res *result) {
	s.b.Helper()
	for i, err := range res.errors {
		if i == 5 {
			s.b.Errorf("... and %d more user errors", len(res.errors)-5)
			break
		}
		s.b.Errorf("%v", err)
	}
	if st := s.tg.Stats(); st.Failures > 0 {
		s.b.Errorf("the fake refused %d bot requests; last: %s", st.Failures, st.LastFailure)
	}
	if n := s.users.stray.Load(); n > 0 {
		s.b.Errorf("%d bot messages nobody waited for", n)
	}
	if !s.bot.alive() {
		s.b.Errorf("mitra exited: %v", s.bot.waitErr)
	}
	if s.bot.stderr.Lines() > 0 {
		s.b.Errorf("mitra logged warnings or errors:\n%s", s.bot.stderr)
	}
}

// observer samples the bot's memory during the window and takes CPU,
// fake and bot-metrics snapshots at its ends; with MITRA_BENCH_PERF_DIR
// set it also records a perf profile of the bot for the window.
type observer struct {
	pid       int
	ready     memory
	readyHeap float64
	max       memory // largest VmRSS sampled in the window
	cpu       cpuUse
	fake      fakeStats          // during the window
	before    map[string]float64 // bot metrics at the window's start
	after     map[string]float64 // and end
	perfFile  string
}

func (o *observer) during(b *testing.B, s *session) func(stop <-chan struct{}) {
	bot := s.bot
	return func(stop <-chan struct{}) {
		o.pid, o.ready, o.readyHeap = bot.pid, bot.ready, bot.readyHeap
		o.before = bot.metrics()
		var perf *exec.Cmd
		if dir := os.Getenv("MITRA_BENCH_PERF_DIR"); dir != "" {
			o.perfFile = filepath.Join(dir, strings.NewReplacer("/", "_", "=", "-").Replace(b.Name())+".perf.data")
			perf = exec.Command("perf", "record", "-F", "499", "-g", "-p", strconv.Itoa(bot.pid), "-o", o.perfFile)
			if err := perf.Start(); err != nil {
				b.Logf("perf: %v", err)
				perf = nil
			}
		}
		f0 := s.tg.Stats()
		c0 := takeCPU(bot.pid, bot.dbName)
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
	sample:
		for {
			if m, err := memStatus(bot.pid); err == nil && m.rss > o.max.rss {
				o.max = m
			}
			select {
			case <-tick.C:
			case <-stop:
				break sample
			}
		}
		o.cpu = c0.to(takeCPU(bot.pid, bot.dbName))
		o.fake = s.tg.Stats().minus(f0)
		o.after = bot.metrics()
		if perf != nil {
			_ = perf.Process.Signal(os.Interrupt)
			_ = perf.Wait()
		}
	}
}

// delta of a bot metric over the window.
func (o *observer) delta(name string) float64 { return o.after[name] - o.before[name] }

// report reports and logs what every benchmark reports: the bot's memory,
// where the CPU went, how the bot used the Bot API.
func (o *observer) report(b *testing.B, res *result) {
	if dir := os.Getenv("MITRA_BENCH_DUMP_DIR"); dir != "" {
		file := filepath.Join(dir, strings.NewReplacer("/", "_", "=", "-").Replace(b.Name())+".csv")
		if err := res.dump(file); err != nil {
			b.Logf("dump: %v", err)
		} else {
			b.Logf("latencies written to %s", file)
		}
	}
	if secs := res.bySecond(); len(secs) > 0 {
		over := 0
		var parts []string
		for _, d := range secs {
			if d > 20*time.Millisecond {
				over++
			}
			parts = append(parts, strconv.FormatFloat(ms(d), 'f', 0, 64))
		}
		b.Logf("p99 of each second (ms): %s; %d of %d seconds over 20 ms", strings.Join(parts, " "), over, len(secs))
	}
	end, _ := memStatus(o.pid)
	peak := max(end.hwm, o.max.rss)
	b.ReportMetric(float64(peak)/(1<<20), "rss-MB")
	b.ReportMetric(float64(o.max.rss)/(1<<20), "rss-window-MB")
	b.ReportMetric(float64(o.ready.rss)/(1<<20), "rss-idle-MB")
	if res.steps > 0 {
		per := func(cores float64) float64 {
			return cores * o.cpu.wall.Seconds() / float64(res.steps) * 1e6
		}
		b.ReportMetric(per(o.cpu.bot), "bot-cpu-µs/step")
		b.ReportMetric(per(o.cpu.bench), "fake-cpu-µs/step")
		b.Logf("CPU per step: bot %.0f µs, bench (load generator + fake) %.0f µs, redis %.0f µs, postgres %.0f µs, irq+softirq %.0f µs, other processes %.0f µs",
			per(o.cpu.bot), per(o.cpu.bench), per(o.cpu.redis), per(o.cpu.pg), per(o.cpu.irq), per(o.cpu.other))
		n := float64(res.steps)
		f := o.fake
		line := fmt.Sprintf("Bot API per step: %.2f requests, %.3f new TCP connections; getUpdates: %.0f calls/s",
			float64(f.Requests)/n, float64(f.Conns)/n, float64(f.Polls)/o.cpu.wall.Seconds())
		if f.Batched > 0 && f.Polls > 0 {
			line += fmt.Sprintf(", %.1f updates per batch", float64(f.Batched)/float64(f.Polls))
		}
		b.Logf("%s", line)
	}
	b.Logf("%s", o.cpu)
	mb := func(n int64) float64 { return float64(n) / (1 << 20) }
	b.Logf("bot memory: peak %.1f MB (VmHWM %.1f); in the window at most %.1f MB = %.1f anon (Go heap, stacks) + %.1f file (binary), Go heap in use %.1f MB, %.0f goroutines; once ready, before any user: %.1f MB = %.1f anon + %.1f file, Go heap in use %.1f MB",
		mb(peak), mb(end.hwm), mb(o.max.rss), mb(o.max.anon), mb(o.max.file), o.after["go_memstats_heap_inuse_bytes"]/(1<<20), o.after["go_goroutines"],
		mb(o.ready.rss), mb(o.ready.anon), mb(o.ready.file), o.readyHeap/(1<<20))
	if n := o.delta("go_gc_duration_seconds_count"); n > 0 {
		b.Logf("bot GC: %.0f cycles in the window (%.1f/s)", n, n/o.cpu.wall.Seconds())
	}
	if n := o.delta("mitra_handler_duration_seconds_count"); n > 0 {
		b.Logf("core (flows.Service.Handle: volunteer lookup, Redis load+save): mean %.2f ms over %.0f updates",
			1000*o.delta("mitra_handler_duration_seconds_sum")/n, n)
	}
	if o.perfFile != "" {
		b.Logf("perf profile of the bot: perf report -i %s --no-children", o.perfFile)
	}
}

// BenchmarkStepThroughput: 1,000 users step as fast as the bot answers
// (closed loop); reports steps per second and the latency seen at
// saturation.
func BenchmarkStepThroughput(b *testing.B) {
	for i, f := range fakes {
		b.Run(f.name, func(b *testing.B) {
			s := newSession(b, i, 1000)
			var o observer
			res := s.users.run(loadSpec{warmup: warmup, window: window(), timeout: stepTimeout, during: o.during(b, s)})
			s.check(res)
			rate := res.rate()
			b.ReportMetric(rate, "steps/s")
			if rate > 0 {
				b.ReportMetric(1e9/rate, "ns/op")
			}
			b.ReportMetric(ms(percentile(res.latencies, 50)), "p50-ms")
			b.ReportMetric(ms(percentile(res.latencies, 99)), "p99-ms")
			o.report(b, res)
			b.Logf("closed loop, 1000 users, %v window: %d steps, %.0f steps/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms",
				res.window, res.steps, rate, ms(percentile(res.latencies, 50)), ms(percentile(res.latencies, 99)), ms(percentile(res.latencies, 100)))
		})
	}
}

// BenchmarkStepLatency: 1,000 users each step once a second on a fixed
// schedule (open loop, 1,000 steps/s offered); reports the latency
// distribution.
func BenchmarkStepLatency(b *testing.B) {
	for i, f := range fakes {
		b.Run(f.name, func(b *testing.B) {
			s := newSession(b, i, 1000)
			var o observer
			rate := offeredRate()
			period := time.Duration(float64(len(s.users.list)) / rate * float64(time.Second))
			spec := openLoop(period)
			spec.during = o.during(b, s)
			res := s.users.run(spec)
			s.check(res)
			b.ReportMetric(0, "ns/op") // not meaningful for a fixed-rate run
			b.ReportMetric(res.rate(), "steps/s")
			b.ReportMetric(ms(percentile(res.latencies, 50)), "p50-ms")
			b.ReportMetric(ms(percentile(res.latencies, 99)), "p99-ms")
			b.ReportMetric(ms(percentile(res.latencies, 99.9)), "p99.9-ms")
			b.ReportMetric(ms(percentile(res.intended, 99)), "p99-intended-ms")
			o.report(b, res)
			b.Logf("open loop, 1000 users, %.0f steps/s offered, %v window: %d steps (%.0f/s), %d sent late; latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms; from intended send time p99 %.1f ms",
				rate, res.window, res.steps, res.rate(), res.late,
				ms(percentile(res.latencies, 50)), ms(percentile(res.latencies, 90)), ms(percentile(res.latencies, 99)),
				ms(percentile(res.latencies, 99.9)), ms(percentile(res.latencies, 100)), ms(percentile(res.intended, 99)))
		})
	}
}

// BenchmarkMemory10k: 10,000 conversations in progress, 1,000 steps/s
// spread over them (each user steps every 10 s); reports the bot's
// resident memory.
func BenchmarkMemory10k(b *testing.B) {
	s := newSession(b, 0, 10000)
	if n := countRedisKeys(b, "mitra:conv:*"); n != 10000 {
		b.Fatalf("%d conversations in Redis, want 10000", n)
	}
	var o observer
	spec := openLoop(10 * time.Second)
	spec.during = o.during(b, s)
	res := s.users.run(spec)
	s.check(res)
	if n := countRedisKeys(b, "mitra:conv:*"); n != 10000 {
		b.Errorf("%d conversations in Redis after the run, want 10000", n)
	}
	b.ReportMetric(0, "ns/op")
	b.ReportMetric(res.rate(), "steps/s")
	b.ReportMetric(ms(percentile(res.latencies, 99)), "p99-ms")
	o.report(b, res)
	b.Logf("10000 conversations, open loop 1000 steps/s: %d steps, latency p50 %.1f ms, p99 %.1f ms",
		res.steps, ms(percentile(res.latencies, 50)), ms(percentile(res.latencies, 99)))
}
