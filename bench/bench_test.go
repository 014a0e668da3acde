package bench

import (
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
const (
	defaultWindow = 20 * time.Second
	warmup        = 5 * time.Second
	stepTimeout   = 30 * time.Second
)

func window() time.Duration {
	if s := os.Getenv("MITRA_BENCH_WINDOW"); s != "" {
		if d, err := time.ParseDuration(s); err == nil && d > 0 {
			return d
		}
	}
	return defaultWindow
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

// observer samples the bot's memory during the window and takes CPU
// snapshots at its ends; with MITRA_BENCH_PERF_DIR set it also records a
// perf profile of the bot for the window.
type observer struct {
	pid      int
	maxRSS   int64
	cpu      cpuUse
	before   map[string]float64 // bot metrics at the window's start
	after    map[string]float64 // and end
	perfFile string
}

func (o *observer) during(b *testing.B, bot *botProcess) func(stop <-chan struct{}) {
	return func(stop <-chan struct{}) {
		o.pid = bot.pid
		o.before = bot.metrics()
		var perf *exec.Cmd
		if dir := os.Getenv("MITRA_BENCH_PERF_DIR"); dir != "" {
			o.perfFile = filepath.Join(dir, strings.NewReplacer("/", "_", "=", "-").Replace(b.Name())+".perf.data")
			perf = exec.Command("perf", "record", "-F", "499", "-g", "-p", strconv.Itoa(bot.pid), "-o", o.perfFile)
			perf.Stdout, perf.Stderr = nil, nil
			if err := perf.Start(); err != nil {
				b.Logf("perf: %v", err)
				perf = nil
			}
		}
		c0 := takeCPU(bot.pid, bot.dbName)
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			if rss, _, err := memStatus(bot.pid); err == nil && rss > o.maxRSS {
				o.maxRSS = rss
			}
			select {
			case <-tick.C:
				continue
			case <-stop:
			}
			break
		}
		o.cpu = c0.to(takeCPU(bot.pid, bot.dbName))
		o.after = bot.metrics()
		if perf != nil {
			_ = perf.Process.Signal(os.Interrupt)
			_ = perf.Wait()
		}
	}
}

// delta of a bot metric over the window.
func (o *observer) delta(name string) float64 { return o.after[name] - o.before[name] }

// report logs and reports what every benchmark reports: the bot's memory
// and where the CPU went.
func (o *observer) report(b *testing.B, res *result, conns int64) {
	_, hwm, _ := memStatus(o.pid)
	b.ReportMetric(float64(hwm)/(1<<20), "rss-MB")
	b.ReportMetric(float64(o.maxRSS)/(1<<20), "rss-window-MB")
	if res.steps > 0 {
		per := func(cores float64) float64 {
			return cores * o.cpu.wall.Seconds() / float64(res.steps) * 1e6
		}
		b.ReportMetric(per(o.cpu.bot), "bot-cpu-µs/step")
		b.Logf("CPU per step: bot %.0f µs, bench (load generator + fake) %.0f µs, redis %.0f µs, postgres %.0f µs, other processes %.0f µs",
			per(o.cpu.bot), per(o.cpu.bench), per(o.cpu.redis), per(o.cpu.pg), per(o.cpu.other))
	}
	b.Logf("%s", o.cpu)
	b.Logf("bot memory: VmHWM %.1f MB (peak since start), max VmRSS in window %.1f MB; Go heap in use %.1f MB, goroutines %.0f",
		float64(hwm)/(1<<20), float64(o.maxRSS)/(1<<20), o.after["go_memstats_heap_inuse_bytes"]/(1<<20), o.after["go_goroutines"])
	if n := o.delta("mitra_handler_duration_seconds_count"); n > 0 {
		b.Logf("core (flows.Service.Handle: volunteer lookup, Redis load/save): mean %.2f ms over %.0f updates",
			1000*o.delta("mitra_handler_duration_seconds_sum")/n, n)
	}
	b.Logf("new TCP connections from the bot to the fake in the whole run: %d", conns)
	if o.perfFile != "" {
		b.Logf("perf profile of the bot: %s (perf report -i %s --no-children)", o.perfFile, o.perfFile)
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
			c0 := s.tg.Stats().Conns
			res := s.users.run(loadSpec{warmup: warmup, window: window(), timeout: stepTimeout, during: o.during(b, s.bot)})
			s.check(res)
			rate := res.rate()
			b.ReportMetric(rate, "steps/s")
			if rate > 0 {
				b.ReportMetric(1e9/rate, "ns/op")
			}
			b.ReportMetric(ms(percentile(res.latencies, 50)), "p50-ms")
			b.ReportMetric(ms(percentile(res.latencies, 99)), "p99-ms")
			o.report(b, res, s.tg.Stats().Conns-c0)
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
			c0 := s.tg.Stats().Conns
			res := s.users.run(loadSpec{warmup: warmup, window: window(), period: time.Second, timeout: stepTimeout, during: o.during(b, s.bot)})
			s.check(res)
			b.ReportMetric(0, "ns/op") // not meaningful for a fixed-rate run
			b.ReportMetric(res.rate(), "steps/s")
			b.ReportMetric(ms(percentile(res.latencies, 50)), "p50-ms")
			b.ReportMetric(ms(percentile(res.latencies, 99)), "p99-ms")
			b.ReportMetric(ms(percentile(res.latencies, 99.9)), "p99.9-ms")
			b.ReportMetric(ms(percentile(res.intended, 99)), "p99-intended-ms")
			o.report(b, res, s.tg.Stats().Conns-c0)
			b.Logf("open loop, 1000 users x 1 step/s, %v window: %d steps (%.0f/s), %d sent late; latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms; from intended send time p99 %.1f ms",
				res.window, res.steps, res.rate(), res.late,
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
	c0 := s.tg.Stats().Conns
	res := s.users.run(loadSpec{warmup: warmup, window: window(), period: 10 * time.Second, timeout: stepTimeout, during: o.during(b, s.bot)})
	s.check(res)
	if n := countRedisKeys(b, "mitra:conv:*"); n != 10000 {
		b.Errorf("%d conversations in Redis after the run, want 10000", n)
	}
	b.ReportMetric(0, "ns/op")
	b.ReportMetric(res.rate(), "steps/s")
	b.ReportMetric(ms(percentile(res.latencies, 99)), "p99-ms")
	o.report(b, res, s.tg.Stats().Conns-c0)
	b.Logf("10000 conversations, open loop 1000 steps/s: %d steps, latency p50 %.1f ms, p99 %.1f ms",
		res.steps, ms(percentile(res.latencies, 50)), ms(percentile(res.latencies, 99)))
}
