package bench

import (
	"context"
	"encoding/json"
	"io"
	"mime"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// fastFake is a minimal Bot API server for load: it implements only the
// methods a flow step and the bot's start-up use (getMe, deleteWebhook,
// setMyCommands, getUpdates, sendMessage, editMessageReplyMarkup,
// answerCallbackQuery), with Telegram's semantics for them:
//
//   - getUpdates long-polls; an update stays queued until a later call
//     confirms it with offset > update_id, so a batch is redelivered if the
//     bot asks again with the same offset;
//   - sends to a chat whose user never wrote are refused ("chat not
//     found"), edits of unknown messages and edits that change nothing are
//     refused, a callback query can be answered once;
//   - every request needs the right token.
//
// Unlike bot/faketelegram it does not validate HTML, lengths or keyboards,
// keeps no transcript and records no calls, and per chat it remembers only
// the last few bot messages (enough to press and edit the live one). The
// dialogue the bot has with it is checked against the strict fake by
// TestFastFakeMatchesStrictFake.
type fastFake struct {
	http    *httptest.Server
	token   string
	onReply func(reply)

	conns    atomic.Int64 // TCP connections the bot opened
	requests atomic.Int64
	failures atomic.Int64 // 4xx answers: a correct bot gets none
	polls    atomic.Int64
	batched  atomic.Int64  // updates returned by getUpdates, redeliveries included
	polled   chan struct{} // closed by the first getUpdates
	pollOnce sync.Once

	mu      sync.Mutex
	queue   []queued // unconfirmed updates, by id
	nextUpd int64
	wake    chan struct{} // closed and replaced when an update is queued
	chats   map[int64]*fastChat
	queries map[string]int64 // unanswered callback query id -> chat
	seq     int64
	lastErr string
	// record, set before the bot starts, keeps the names of the methods
	// called (getUpdates aside) in calls, for TestFastFakeMatchesStrictFake.
	record bool
	calls  []string
}

// reply is a message the bot sent, as seen by the fake when the request
// arrived.
type reply struct {
	chatID int64
	msgID  int
	text   string
	at     time.Time
}

type queued struct {
	id   int64
	body json.RawMessage
}

// fastChat is a private chat. It keeps the last keep bot messages.
type fastChat struct {
	id        int64
	firstName string
	nextMsgID int
	recent    [keep]fastMsg
}

const keep = 8

type fastMsg struct {
	id      int
	text    string
	inline  []byte // the inline_keyboard markup as sent, nil if none
	buttons map[string]string
}

func newFastFake(onReply func(reply)) *fastFake {
	f := &fastFake{
		token:   "123456:FAST-BENCH-TOKEN",
		onReply: onReply,
		polled:  make(chan struct{}),
		nextUpd: 1,
		wake:    make(chan struct{}),
		chats:   map[int64]*fastChat{},
		queries: map[string]int64{},
	}
	f.http = httptest.NewUnstartedServer(http.HandlerFunc(f.serveHTTP))
	f.http.Config.ConnState = func(_ net.Conn, st http.ConnState) {
		if st == http.StateNew {
			f.conns.Add(1)
		}
	}
	f.http.Start()
	return f
}

func (f *fastFake) URL() string             { return f.http.URL }
func (f *fastFake) Token() string           { return f.token }
func (f *fastFake) Polled() <-chan struct{} { return f.polled }
func (f *fastFake) Close()                  { f.http.CloseClientConnections(); f.http.Close() }

func (f *fastFake) Stats() fakeStats {
	f.mu.Lock()
	defer f.mu.Unlock()
	return fakeStats{Conns: f.conns.Load(), Requests: f.requests.Load(), Polls: f.polls.Load(), Batched: f.batched.Load(),
		Failures: f.failures.Load(), LastFailure: f.lastErr}
}

// Update JSON. Only what Mitra reads, in Telegram's shape.
type ffUser struct {
	ID           int64  `json:"id"`
	IsBot        bool   `json:"is_bot"`
	FirstName    string `json:"first_name"`
	Username     string `json:"username,omitempty"`
	LanguageCode string `json:"language_code,omitempty"`
}

type ffChat struct {
	ID        int64  `json:"id"`
	Type      string `json:"type"`
	FirstName string `json:"first_name,omitempty"`
}

type ffEntity struct {
	Type   string `json:"type"`
	Offset int    `json:"offset"`
	Length int    `json:"length"`
}

type ffMessage struct {
	MessageID   int             `json:"message_id"`
	From        *ffUser         `json:"from,omitempty"`
	Chat        ffChat          `json:"chat"`
	Date        int64           `json:"date"`
	Text        string          `json:"text,omitempty"`
	Entities    []ffEntity      `json:"entities,omitempty"`
	ReplyMarkup json.RawMessage `json:"reply_markup,omitempty"`
}

type ffCallback struct {
	ID           string     `json:"id"`
	From         ffUser     `json:"from"`
	Message      *ffMessage `json:"message"`
	ChatInstance string     `json:"chat_instance"`
	Data         string     `json:"data"`
}

type ffUpdate struct {
	UpdateID      int64       `json:"update_id"`
	Message       *ffMessage  `json:"message,omitempty"`
	CallbackQuery *ffCallback `json:"callback_query,omitempty"`
}

var fastBot = ffUser{ID: 777000222, IsBot: true, FirstName: "Mitra", Username: "MitraBenchBot"}

func userName(uid int64) string { return "Relawan" + strconv.FormatInt(uid%100000, 10) }

func (f *fastFake) chatLocked(uid int64) *fastChat {
	c := f.chats[uid]
	if c == nil {
		c = &fastChat{id: uid, firstName: userName(uid)}
		f.chats[uid] = c
	}
	return c
}

func (c *fastChat) from(uid int64) *ffUser {
	return &ffUser{ID: uid, FirstName: c.firstName, LanguageCode: "id"}
}

func (c *fastChat) msg(id int) *fastMsg {
	if id <= 0 {
		return nil
	}
	m := &c.recent[id%keep]
	if m.id != id {
		return nil
	}
	return m
}

// SendText queues a private text message from user uid (its chat id too).
func (f *fastFake) SendText(uid int64, text string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	c := f.chatLocked(uid)
	c.nextMsgID++
	m := &ffMessage{MessageID: c.nextMsgID, From: c.from(uid), Chat: ffChat{ID: uid, Type: "private", FirstName: c.firstName}, Date: time.Now().Unix(), Text: text}
	if strings.HasPrefix(text, "/") {
		n := strings.IndexAny(text, " \n")
		if n < 0 {
			n = len(text)
		}
		m.Entities = []ffEntity{{Type: "bot_command", Offset: 0, Length: n}}
	}
	f.enqueueLocked(&ffUpdate{Message: m})
}

// Press presses the button labelled label on bot message msgID in uid's
// chat. It panics when there is no such button: the load would be wrong.
func (f *fastFake) Press(uid int64, msgID int, label string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	c := f.chatLocked(uid)
	m := c.msg(msgID)
	if m == nil {
		panic("fastfake: no recent bot message " + strconv.Itoa(msgID) + " in chat " + strconv.FormatInt(uid, 10))
	}
	data, ok := m.buttons[label]
	if !ok {
		panic("fastfake: message " + strconv.Itoa(msgID) + " has no button " + label)
	}
	f.seq++
	id := strconv.FormatInt(uid, 10) + "-" + strconv.FormatInt(f.seq, 10)
	f.queries[id] = uid
	f.enqueueLocked(&ffUpdate{CallbackQuery: &ffCallback{
		ID:   id,
		From: *c.from(uid),
		Message: &ffMessage{MessageID: m.id, From: &fastBot, Chat: ffChat{ID: uid, Type: "private", FirstName: c.firstName},
			Date: time.Now().Unix(), Text: m.text, ReplyMarkup: m.inline},
		ChatInstance: strconv.FormatInt(-7919*uid, 10),
		Data:         data,
	}})
}

func (f *fastFake) enqueueLocked(u *ffUpdate) {
	u.UpdateID = f.nextUpd
	f.nextUpd++
	body, err := json.Marshal(u)
	if err != nil {
		panic(err)
	}
	f.queue = append(f.queue, queued{id: u.UpdateID, body: body})
	close(f.wake)
	f.wake = make(chan struct{})
}

type apiErr struct {
	code int
	desc string
}

var (
	errNotFound     = &apiErr{404, "Not Found"}
	errUnauthorized = &apiErr{401, "Unauthorized"}
	errChatNotFound = &apiErr{400, "Bad Request: chat not found"}
	errEditNotFound = &apiErr{400, "Bad Request: message to edit not found"}
	errNotModified  = &apiErr{400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"}
	errQueryTooOld  = &apiErr{400, "Bad Request: query is too old and response timeout expired or query ID is invalid"}
	errTextEmpty    = &apiErr{400, "Bad Request: message text is empty"}
)

func (f *fastFake) serveHTTP(w http.ResponseWriter, r *http.Request) {
	at := time.Now()
	f.requests.Add(1)
	var result any
	var aerr *apiErr
	rest, ok := strings.CutPrefix(r.URL.Path, "/bot")
	token, method, ok2 := strings.Cut(rest, "/")
	switch {
	case !ok || !ok2:
		aerr = errNotFound
	case token != f.token:
		aerr = errUnauthorized
	default:
		var p map[string]string
		p, aerr = readParams(r)
		if f.record && !strings.EqualFold(method, "getUpdates") {
			f.mu.Lock()
			f.calls = append(f.calls, strings.ToLower(method))
			f.mu.Unlock()
		}
		if aerr == nil {
			result, aerr = f.dispatch(r.Context(), strings.ToLower(method), p, at)
		}
	}
	if aerr == errClientGone {
		return
	}
	w.Header().Set("Content-Type", "application/json")
	if aerr != nil {
		if aerr.code >= 400 && aerr.code < 500 {
			f.failures.Add(1)
			f.mu.Lock()
			f.lastErr = method + ": " + aerr.desc
			f.mu.Unlock()
		}
		w.WriteHeader(aerr.code)
		_ = json.NewEncoder(w).Encode(map[string]any{"ok": false, "error_code": aerr.code, "description": aerr.desc})
		return
	}
	if raw, ok := result.(json.RawMessage); ok {
		// getUpdates: the queued bodies are already JSON.
		_, _ = io.WriteString(w, `{"ok":true,"result":`)
		_, _ = w.Write(raw)
		_, _ = io.WriteString(w, "}\n")
		return
	}
	_ = json.NewEncoder(w).Encode(map[string]any{"ok": true, "result": result})
}

var errClientGone = &apiErr{499, "client gone"}

// readParams flattens a multipart, urlencoded or JSON body into strings,
// nested objects kept as JSON text, like Telegram reads parameters.
func readParams(r *http.Request) (map[string]string, *apiErr) {
	p := map[string]string{}
	for k, v := range r.URL.Query() {
		p[k] = v[0]
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ct {
	case "multipart/form-data":
		if err := r.ParseMultipartForm(1 << 20); err != nil {
			return nil, &apiErr{400, "Bad Request: can't parse multipart/form-data request"}
		}
		for k, v := range r.MultipartForm.Value {
			p[k] = v[0]
		}
	case "application/x-www-form-urlencoded":
		if err := r.ParseForm(); err != nil {
			return nil, &apiErr{400, "Bad Request: can't parse form request"}
		}
		for k, v := range r.PostForm {
			p[k] = v[0]
		}
	case "application/json":
		body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if err != nil {
			return nil, &apiErr{400, "Bad Request: can't read request body"}
		}
		if len(strings.TrimSpace(string(body))) > 0 {
			var obj map[string]json.RawMessage
			if err := json.Unmarshal(body, &obj); err != nil {
				return nil, &apiErr{400, "Bad Request: can't parse JSON object"}
			}
			for k, raw := range obj {
				var s string
				switch {
				case string(raw) == "null":
				case len(raw) > 0 && raw[0] == '"' && json.Unmarshal(raw, &s) == nil:
					p[k] = s
				default:
					p[k] = string(raw)
				}
			}
		}
	}
	return p, nil
}

func (f *fastFake) dispatch(ctx context.Context, method string, p map[string]string, at time.Time) (any, *apiErr) {
	switch method {
	case "getme":
		return fastBot, nil
	case "deletewebhook", "setmycommands", "deletemycommands", "setchatmenubutton":
		return true, nil
	case "getwebhookinfo":
		f.mu.Lock()
		n := len(f.queue)
		f.mu.Unlock()
		return map[string]any{"url": "", "has_custom_certificate": false, "pending_update_count": n}, nil
	case "getupdates":
		return f.getUpdates(ctx, p)
	case "sendmessage":
		return f.sendMessage(p, at)
	case "editmessagereplymarkup":
		return f.editMarkup(p)
	case "answercallbackquery":
		f.mu.Lock()
		defer f.mu.Unlock()
		id := p["callback_query_id"]
		if _, ok := f.queries[id]; !ok {
			return nil, errQueryTooOld
		}
		delete(f.queries, id)
		return true, nil
	}
	return nil, errNotFound
}

func (f *fastFake) getUpdates(ctx context.Context, p map[string]string) (any, *apiErr) {
	f.polls.Add(1)
	f.pollOnce.Do(func() { close(f.polled) })
	offset, _ := strconv.ParseInt(p["offset"], 10, 64)
	limit := 100
	if n, err := strconv.Atoi(p["limit"]); err == nil {
		limit = min(max(n, 1), 100)
	}
	timeout, _ := strconv.Atoi(p["timeout"])
	timer := time.NewTimer(time.Duration(max(timeout, 0)) * time.Second)
	defer timer.Stop()
	for {
		f.mu.Lock()
		// Confirm: everything below offset is forgotten.
		i := 0
		for i < len(f.queue) && f.queue[i].id < offset {
			i++
		}
		if i > 0 {
			n := copy(f.queue, f.queue[i:])
			clear(f.queue[n:])
			f.queue = f.queue[:n]
		}
		if len(f.queue) > 0 {
			var b strings.Builder
			b.WriteByte('[')
			batch := f.queue[:min(limit, len(f.queue))]
			f.batched.Add(int64(len(batch)))
			for j, q := range batch {
				if j > 0 {
					b.WriteByte(',')
				}
				b.Write(q.body)
			}
			b.WriteByte(']')
			f.mu.Unlock()
			return json.RawMessage(b.String()), nil
		}
		wake := f.wake
		f.mu.Unlock()
		select {
		case <-wake:
		case <-timer.C:
			return json.RawMessage("[]"), nil
		case <-ctx.Done():
			return nil, errClientGone
		}
	}
}

// inlineMarkup reads a reply_markup parameter: the inline keyboard as
// sent (nil when absent, empty or not inline) and its buttons by label.
func inlineMarkup(raw string) ([]byte, map[string]string, *apiErr) {
	if raw == "" {
		return nil, nil, nil
	}
	var mk struct {
		InlineKeyboard [][]struct {
			Text         string `json:"text"`
			CallbackData string `json:"callback_data"`
		} `json:"inline_keyboard"`
	}
	if err := json.Unmarshal([]byte(raw), &mk); err != nil {
		return nil, nil, &apiErr{400, "Bad Request: can't parse reply keyboard markup JSON object"}
	}
	if len(mk.InlineKeyboard) == 0 {
		return nil, nil, nil
	}
	buttons := map[string]string{}
	for _, row := range mk.InlineKeyboard {
		for _, b := range row {
			buttons[b.Text] = b.CallbackData
		}
	}
	return []byte(raw), buttons, nil
}

func (f *fastFake) sendMessage(p map[string]string, at time.Time) (any, *apiErr) {
	chatID, _ := strconv.ParseInt(strings.TrimSpace(p["chat_id"]), 10, 64)
	text := p["text"]
	if strings.TrimSpace(text) == "" {
		return nil, errTextEmpty
	}
	inline, buttons, aerr := inlineMarkup(p["reply_markup"])
	if aerr != nil {
		return nil, aerr
	}
	f.mu.Lock()
	c := f.chats[chatID]
	if c == nil {
		f.mu.Unlock()
		return nil, errChatNotFound
	}
	c.nextMsgID++
	id := c.nextMsgID
	c.recent[id%keep] = fastMsg{id: id, text: text, inline: inline, buttons: buttons}
	chat := ffChat{ID: chatID, Type: "private", FirstName: c.firstName}
	f.mu.Unlock()
	if f.onReply != nil {
		f.onReply(reply{chatID: chatID, msgID: id, text: text, at: at})
	}
	return &ffMessage{MessageID: id, From: &fastBot, Chat: chat, Date: at.Unix(), Text: text, ReplyMarkup: inline}, nil
}

func (f *fastFake) editMarkup(p map[string]string) (any, *apiErr) {
	chatID, _ := strconv.ParseInt(strings.TrimSpace(p["chat_id"]), 10, 64)
	msgID, _ := strconv.Atoi(strings.TrimSpace(p["message_id"]))
	inline, buttons, aerr := inlineMarkup(p["reply_markup"])
	if aerr != nil {
		return nil, aerr
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	c := f.chats[chatID]
	if c == nil {
		return nil, errChatNotFound
	}
	m := c.msg(msgID)
	if m == nil {
		return nil, errEditNotFound
	}
	if string(m.inline) == string(inline) {
		return nil, errNotModified
	}
	m.inline, m.buttons = inline, buttons
	return &ffMessage{MessageID: m.id, From: &fastBot, Chat: ffChat{ID: chatID, Type: "private", FirstName: c.firstName},
		Date: time.Now().Unix(), Text: m.text, ReplyMarkup: inline}, nil
}
