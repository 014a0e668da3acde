package flows

// Reply is one message for the transport to deliver.
//
// Text is HTML in Telegram's subset (<b>, <i>, <code>, <a>); every
// user-supplied string in it must already be escaped with html.EscapeString.
type Reply struct {
	// ChatID is the recipient; zero means the chat the input came from.
	ChatID int64
	Text   string

	// Buttons is an inline keyboard, rows of buttons.
	Buttons [][]Button
	// RequestContact and RequestLocation, when set, are the label of a
	// one-time reply-keyboard button that shares the phone number or the
	// location. At most one of them is set.
	RequestContact  string
	RequestLocation string
	// KeyboardButtons are plain buttons under the request button of the
	// reply keyboard; pressing one sends its label as a text message.
	KeyboardButtons []string
	// RemoveKeyboard hides a reply keyboard left from an earlier question.
	RemoveKeyboard bool

	// Location, when set, is sent as a map pin after the text.
	Location *Location
	// Photos are transport file ids sent as an album after the text.
	Photos []string

	// EditMessageID, when non-zero, replaces that earlier message's text and
	// buttons instead of sending a new one.
	EditMessageID int

	// Prompt marks the question the conversation now waits on. The
	// transport reports the delivered message's id back through
	// Service.PromptDelivered so its buttons can be removed once answered.
	Prompt bool
}

// Button is an inline button. Data must fit Telegram's 64-byte callback limit.
type Button struct {
	Text string
	Data string
}

// Outcome is everything the service wants done in answer to one Input.
type Outcome struct {
	Replies []Reply
	// Notice is the short text shown when answering a button press; the
	// transport answers every press, with or without it.
	Notice string
	// ClearButtons lists messages in the input's chat whose inline buttons
	// must be removed because their question has been answered.
	ClearButtons []int
}

func (o *Outcome) add(r ...Reply) { o.Replies = append(o.Replies, r...) }
