package bench

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mitra-id/mitra/store/storetest"
)

// telegram is the Bot API server a benchmark points the bot at, with the
// user side of Telegram: users send text and press buttons, and every
// message the bot sends is reported to the onReply given at construction.
type telegram interface {
	URL() string
	Token() string
	SendText(uid int64, text string)
	Press(uid int64, msgID int, label string)
	// Polled is closed once the bot has called getUpdates.
	Polled() <-chan struct{}
	Stats() fakeStats
	Close()
}

type fakeStats struct {
	Conns, Requests, Failures int64
	// Polls counts getUpdates calls, Batched the updates they returned
	// (the strict fake does not count those).
	Polls, Batched int64
	LastFailure    string
}

func (a fakeStats) minus(b fakeStats) fakeStats {
	return fakeStats{Conns: a.Conns - b.Conns, Requests: a.Requests - b.Requests, Failures: a.Failures - b.Failures,
		Polls: a.Polls - b.Polls, Batched: a.Batched - b.Batched}
}

// benchRedisURL is the Redis database the bot under test uses: a database
// of its own, flushed before and after, because the bot's key prefix is
// fixed ("mitra:") and must not meet anything else's keys.
func benchRedisURL() string {
	if u := os.Getenv("MITRA_BENCH_REDIS_URL"); u != "" {
		return u
	}
	return "redis://127.0.0.1:6379/9"
}

// binary builds cmd/mitra once per test binary, unless
// MITRA_BENCH_BINARY names one to use instead.
var binary struct {
	once sync.Once
	dir  string
	path string
	err  error
}

func mitraBinary(tb testing.TB) string {
	tb.Helper()
	if path := os.Getenv("MITRA_BENCH_BINARY"); path != "" {
		// A binary built elsewhere, e.g. to compare a candidate fix.
		return path
	}
	binary.once.Do(func() {
		binary.dir, binary.err = os.MkdirTemp("", "mitra-bench-")
		if binary.err != nil {
			return
		}
		binary.path = filepath.Join(binary.dir, "mitra")
		cmd := exec.Command("go", "build", "-o", binary.path, "github.com/mitra-id/mitra/cmd/mitra")
		cmd.Dir = ".."
		out, err := cmd.CombinedOutput()
		if err != nil {
			binary.err = fmt.Errorf("go build ./cmd/mitra: %v\n%s", err, out)
		}
	})
	if binary.err != nil {
		tb.Fatal(binary.err)
	}
	return binary.path
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binary.dir != "" {
		os.RemoveAll(binary.dir)
	}
	os.Exit(code)
}

// botProcess is `mitra serve` running as a child process.
type botProcess struct {
	dbName  string
	cmd     *exec.Cmd
	pid     int
	httpURL string
	stderr  *tailBuffer
	exited  chan struct{}
	waitErr error
	// ready is the bot's memory once it polls, before any user wrote,
	// and readyHeap its Go heap in use then.
	ready     memory
	readyHeap float64
}

// exclusive waits until no other benchmark run on this machine holds the
// bench lock, and holds it until tb ends: two runs at once would flush
// each other's Redis database and share the two cores.
func exclusive(tb testing.TB) {
	tb.Helper()
	f, err := os.OpenFile(filepath.Join(os.TempDir(), "mitra-bench.lock"), os.O_CREATE|os.O_RDWR, 0o666)
	if err != nil {
		tb.Fatalf("bench lock: %v", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		tb.Logf("waiting for another benchmark run to finish (lock %s)", f.Name())
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
			tb.Fatalf("bench lock: %v", err)
		}
	}
	tb.Cleanup(func() { f.Close() }) // closing releases the lock
}

// flushRedis empties the benchmark's Redis database.
func flushRedis(tb testing.TB) {
	tb.Helper()
	opt, err := redis.ParseURL(benchRedisURL())
	if err != nil {
		tb.Fatalf("MITRA_BENCH_REDIS_URL: %v", err)
	}
	rdb := redis.NewClient(opt)
	defer rdb.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := rdb.FlushDB(ctx).Err(); err != nil {
		tb.Fatalf("flush redis db %d: %v", opt.DB, err)
	}
}

// countRedisKeys counts the keys matching pattern in the bench database.
func countRedisKeys(tb testing.TB, pattern string) int {
	tb.Helper()
	opt, _ := redis.ParseURL(benchRedisURL())
	rdb := redis.NewClient(opt)
	defer rdb.Close()
	ctx := context.Background()
	n := 0
	iter := rdb.Scan(ctx, 0, pattern, 1000).Iterator()
	for iter.Next(ctx) {
		n++
	}
	if err := iter.Err(); err != nil {
		tb.Fatalf("scan redis: %v", err)
	}
	return n
}

// startBot starts `mitra serve` against tg, a fresh database and the bench
// Redis database, and waits until it is ready and polling. It is stopped,
// and the database dropped, Redis flushed, when the benchmark ends.
func startBot(tb testing.TB, tg telegram) *botProcess {
	tb.Helper()
	bin := mitraBinary(tb)
	exclusive(tb)
	dbURL := storetest.DatabaseURL(tb) // dropped by storetest after our cleanup
	flushRedis(tb)
	tb.Cleanup(func() { flushRedis(tb) })

	port := freePort(tb)
	p := &botProcess{dbName: dbName(dbURL), httpURL: "http://127.0.0.1:" + port, stderr: &tailBuffer{max: 64 << 10}, exited: make(chan struct{})}
	p.cmd = exec.Command(bin, "serve")
	p.cmd.Env = append(os.Environ(),
		"TELEGRAM_BOT_TOKEN="+tg.Token(),
		"TELEGRAM_API_URL="+tg.URL(),
		"DATABASE_URL="+dbURL,
		"REDIS_URL="+benchRedisURL(),
		"MITRA_HTTP_ADDR=127.0.0.1:"+port,
		"MITRA_LOG_LEVEL=warn",
		"MITRA_WEBHOOK_URL=",
		"MITRA_WEBHOOK_SECRET=",
		"MITRA_ADMINS=",
		"MITRA_TIMEZONE=Asia/Jakarta",
	)
	// Extra settings for experiments, e.g. "GOGC=200 GOMAXPROCS=1".
	p.cmd.Env = append(p.cmd.Env, strings.Fields(os.Getenv("MITRA_BENCH_BOT_ENV"))...)
	p.cmd.Stdout = io.Discard
	p.cmd.Stderr = p.stderr
	if err := p.cmd.Start(); err != nil {
		tb.Fatalf("start mitra: %v", err)
	}
	p.pid = p.cmd.Process.Pid
	go func() {
		p.waitErr = p.cmd.Wait()
		close(p.exited)
	}()
	tb.Cleanup(p.stop)

	deadline := time.Now().Add(2 * time.Minute)
	for {
		select {
		case <-p.exited:
			tb.Fatalf("mitra exited during start-up: %v\n%s", p.waitErr, p.stderr)
		default:
		}
		if time.Now().After(deadline) {
			tb.Fatalf("mitra not ready after 2 minutes\n%s", p.stderr)
		}
		resp, err := http.Get(p.httpURL + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	select {
	case <-tg.Polled():
	case <-p.exited:
		tb.Fatalf("mitra exited during start-up: %v\n%s", p.waitErr, p.stderr)
	case <-time.After(time.Minute):
		tb.Fatalf("mitra ready but not polling after a minute\n%s", p.stderr)
	}
	time.Sleep(500 * time.Millisecond)
	p.ready, _ = memStatus(p.pid)
	p.readyHeap = p.metrics()["go_memstats_heap_inuse_bytes"]
	return p
}

// stop asks mitra to shut down (SIGTERM) and kills it after 15 s.
func (p *botProcess) stop() {
	select {
	case <-p.exited:
		return
	default:
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.exited:
	case <-time.After(15 * time.Second):
		_ = p.cmd.Process.Kill()
		<-p.exited
	}
}

func (p *botProcess) alive() bool {
	select {
	case <-p.exited:
		return false
	default:
		return true
	}
}

// metrics returns the bot's Prometheus samples by series name with
// labels, e.g. `mitra_handler_duration_seconds_sum`.
func (p *botProcess) metrics() map[string]float64 {
	out := map[string]float64{}
	resp, err := http.Get(p.httpURL + "/metrics")
	if err != nil {
		return out
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		if i < 0 {
			continue
		}
		v, err := strconv.ParseFloat(line[i+1:], 64)
		if err == nil {
			out[line[:i]] = v
		}
	}
	return out
}

func dbName(url string) string {
	i := strings.LastIndexByte(url, '/')
	name, _, _ := strings.Cut(url[i+1:], "?")
	return name
}

func freePort(tb testing.TB) string {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer ln.Close()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	return port
}

// tailBuffer keeps the last max bytes written (the bot's stderr).
type tailBuffer struct {
	mu  sync.Mutex
	max int
	buf []byte
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, p...)
	if len(t.buf) > t.max {
		t.buf = t.buf[len(t.buf)-t.max:]
	}
	return len(p), nil
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.buf)
}

func (t *tailBuffer) Lines() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return bytes.Count(t.buf, []byte("\n"))
}

// memory is a process's resident memory from /proc/<pid>/status, bytes.
type memory struct {
	rss, hwm   int64 // VmRSS, VmHWM (peak; the kernel may update it late)
	anon, file int64 // RssAnon (heap, stacks), RssFile (the mapped binary)
}

func memStatus(pid int) (memory, error) {
	var m memory
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return m, err
	}
	for _, line := range strings.Split(string(data), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		fields := strings.Fields(v)
		if len(fields) < 1 {
			continue
		}
		n, _ := strconv.ParseInt(fields[0], 10, 64)
		switch k {
		case "VmRSS":
			m.rss = n << 10
		case "VmHWM":
			m.hwm = n << 10
		case "RssAnon":
			m.anon = n << 10
		case "RssFile":
			m.file = n << 10
		}
	}
	return m, nil
}

// clockTick is USER_HZ, the unit of /proc/<pid>/stat times; 100 on Linux.
const clockTick = 100

// cpuTime is the user+system CPU time pid has used.
func cpuTime(pid string) time.Duration {
	data, err := os.ReadFile("/proc/" + pid + "/stat")
	if err != nil {
		return 0
	}
	// The command name may contain spaces; fields follow the last ')'.
	s := string(data)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 13 {
		return 0
	}
	ut, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(ut+st) * time.Second / clockTick
}

// cpuSnapshot is CPU time used so far by the parts of the system under
// load: the bot, this process (load generator and fake Telegram), Redis
// (the whole server) and PostgreSQL (the backends serving the bot's
// database), plus the machine's busy and idle time. Whatever else ran on the machine
// (other people's builds and tests) shows up as "other".
type cpuSnapshot struct {
	at                              time.Time
	bot, bench, busy, idle, irq, st time.Duration
	redis, pg                       map[string]time.Duration
}

func takeCPU(botPID int, dbName string) cpuSnapshot {
	s := cpuSnapshot{at: time.Now(), bot: cpuTime(strconv.Itoa(botPID)), bench: cpuTime("self"),
		redis: map[string]time.Duration{}, pg: map[string]time.Duration{}}
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		name := e.Name()
		if name[0] < '0' || name[0] > '9' {
			continue
		}
		comm, err := os.ReadFile("/proc/" + name + "/comm")
		if err != nil {
			continue
		}
		switch strings.TrimSpace(string(comm)) {
		case "redis-server":
			s.redis[name] = cpuTime(name)
		case "postgres":
			// Backends show "postgres: user database host(port) state".
			if cmd, err := os.ReadFile("/proc/" + name + "/cmdline"); err == nil && strings.Contains(string(cmd), " "+dbName+" ") {
				s.pg[name] = cpuTime(name)
			}
		}
	}
	if data, err := os.ReadFile("/proc/stat"); err == nil {
		line, _, _ := strings.Cut(string(data), "\n")
		f := strings.Fields(line)[1:]
		var total int64
		for i, v := range f {
			n, _ := strconv.ParseInt(v, 10, 64)
			if i >= 8 { // guest time is already counted in user
				break
			}
			total += n
			d := time.Duration(n) * time.Second / clockTick
			switch i {
			case 3, 4: // idle, iowait
				s.idle += d
			case 5, 6: // irq, softirq: mostly loopback TCP, charged to no process
				s.irq += d
			case 7: // steal: the hypervisor ran someone else
				s.st += d
			}
		}
		s.busy = time.Duration(total)*time.Second/clockTick - s.idle
	}
	return s
}

// cpuUse is the CPU each part used between two snapshots, in cores.
type cpuUse struct {
	wall                                           time.Duration
	bot, bench, redis, pg, irq, steal, other, idle float64
}

// sumDelta adds up CPU used by processes alive at the end; those started
// in between count from zero, those that exited are lost.
func sumDelta(a, b map[string]time.Duration) time.Duration {
	var d time.Duration
	for pid, t := range b {
		d += t - a[pid]
	}
	return d
}

func (a cpuSnapshot) to(b cpuSnapshot) cpuUse {
	w := b.at.Sub(a.at)
	c := func(d time.Duration) float64 { return float64(d) / float64(w) }
	u := cpuUse{wall: w, bot: c(b.bot - a.bot), bench: c(b.bench - a.bench), redis: c(sumDelta(a.redis, b.redis)),
		pg: c(sumDelta(a.pg, b.pg)), irq: c(b.irq - a.irq), steal: c(b.st - a.st), idle: c(b.idle - a.idle)}
	u.other = max(c(b.busy-a.busy)-u.bot-u.bench-u.redis-u.pg-u.irq-u.steal, 0)
	return u
}

func (u cpuUse) String() string {
	return fmt.Sprintf("CPU cores used: bot %.2f, bench (load+fake) %.2f, redis %.2f, postgres %.2f, irq+softirq %.2f, steal %.2f, other processes %.2f; idle %.2f of %d",
		u.bot, u.bench, u.redis, u.pg, u.irq, u.steal, u.other, u.idle, numCPU())
}

func numCPU() int {
	data, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0
	}
	n := 0
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "cpu") && len(line) > 3 && line[3] >= '0' && line[3] <= '9' {
			n++
		}
	}
	return n
}
