package flows

// Copy for commands, onboarding, approvals and roles. %s values that come
// from users are escaped by the caller.
var (
	msgPrivateOnly = Text{"Mitra hanya melayani lewat chat pribadi, supaya data warga tetap terlindungi. Silakan chat Mitra langsung.",
		"Mitra only works in private chat, to keep people's data protected. Please message Mitra directly."}
	msgEditedIgnored = Text{"Pesan yang diubah tidak dibaca ulang. Untuk mengganti jawaban, tekan ⬅️ Kembali atau kirim jawaban baru.",
		"Edited messages aren't read again. To change an answer, tap ⬅️ Back or send a new answer."}
	msgAccountInactive = Text{"Akun Mitra Anda tidak aktif. Hubungi Dinas Sosial kabupaten/kota Anda bila ini keliru.",
		"Your Mitra account is not active. Contact your Dinas Sosial if this is a mistake."}
	msgUnregisteredHint = Text{"Halo! Anda belum terdaftar di Mitra. Ketik /start untuk mendaftar sebagai relawan.",
		"Hello! You are not registered with Mitra yet. Type /start to register as a volunteer."}
	msgAwaitingApproval = Text{"⏳ Akun Anda sedang menunggu persetujuan koordinator Dinas Sosial. Anda akan diberi tahu di sini begitu disetujui.",
		"⏳ Your account is waiting for approval by a Dinas Sosial coordinator. You'll be told here as soon as it is approved."}
	msgCoordinatorsOnly = Text{"Perintah ini khusus koordinator Dinas Sosial.", "This command is for Dinas Sosial coordinators."}
	msgAdminsOnly       = Text{"Perintah ini khusus admin Mitra.", "This command is for Mitra admins."}
	msgUnknownCommand   = Text{"Perintah itu tidak dikenal.", "I don't know that command."}
	msgNothingToCancel  = Text{"Tidak ada formulir yang sedang diisi.", "There's no form in progress."}
	msgCancelled        = Text{"❌ Dibatalkan. Ketik /bantuan untuk melihat menu.", "❌ Cancelled. Type /bantuan to see the menu."}
	msgFinishFirst      = Text{"Anda sedang mengisi <b>%s</b>. Selesaikan dulu, atau ketik /batal untuk membatalkannya.",
		"You are filling in <b>%s</b>. Finish it first, or type /batal to cancel it."}
	msgWelcomeBack        = Text{"Selamat datang kembali, %s!", "Welcome back, %s!"}
	msgContinueOnboarding = Text{"Mari lanjutkan pendaftaran Anda.", "Let's continue your registration."}

	msgOnboardingIntro = Text{"👋 Selamat datang di <b>Mitra</b>, asisten relawan sosial Dinas Sosial.\nPendaftaran hanya 5 langkah. Ketik /batal kapan saja untuk berhenti.",
		"👋 Welcome to <b>Mitra</b>, the Dinas Sosial field assistant.\nRegistration takes 5 steps. Type /batal at any time to stop."}
	msgOnboardingInviteIntro = Text{"👋 Selamat datang di <b>Mitra</b>! Anda diundang sebagai <b>%s</b> di <b>%s</b>. Akun Anda langsung aktif setelah mengisi data berikut.",
		"👋 Welcome to <b>Mitra</b>! You are invited as <b>%s</b> in <b>%s</b>. Your account is active as soon as you fill in the following."}
	msgInviteUnknown = Text{"Tautan undangan ini tidak dikenal. Anda tetap bisa mendaftar; akun akan diperiksa koordinator.",
		"This invite link isn't recognised. You can still register; a coordinator will review your account."}
	msgInviteExpired = Text{"Tautan undangan ini sudah kedaluwarsa (berlaku sampai %s). Minta tautan baru ke koordinator, atau lanjut mendaftar biasa dengan persetujuan koordinator.",
		"This invite link has expired (it was valid until %s). Ask your coordinator for a new one, or register normally for approval."}
	msgInviteUsedUp = Text{"Kuota tautan undangan ini sudah habis. Minta tautan baru ke koordinator, atau lanjut mendaftar biasa dengan persetujuan koordinator.",
		"This invite link has been used up. Ask your coordinator for a new one, or register normally for approval."}
	msgInviteRanOut = Text{"⚠️ Tautan undangan habis atau kedaluwarsa saat Anda mengisi, jadi pendaftaran Anda perlu disetujui koordinator.",
		"⚠️ The invite link ran out while you were filling in, so your registration needs a coordinator's approval."}
	msgSearchingIn = Text{"<i>Dicari di %s.</i>", "<i>Searching in %s.</i>"}

	msgRegisteredActive  = Text{"✅ Terima kasih, %s! Akun Mitra Anda sudah aktif.", "✅ Thank you, %s! Your Mitra account is active."}
	msgRegisteredPending = Text{"✅ Terima kasih! Pendaftaran Anda sudah diteruskan ke koordinator Dinas Sosial %s. Anda akan diberi tahu di sini begitu disetujui.",
		"✅ Thank you! Your registration has been sent to the Dinas Sosial coordinator of %s. You'll be told here as soon as it is approved."}

	msgApprovalCard = Text{"🆕 <b>Pendaftaran relawan baru</b>\nNama: %s\nPeran: %s\nWilayah tugas: %s\nHP: %s\nID: V%d",
		"🆕 <b>New volunteer registration</b>\nName: %s\nRole: %s\nArea of duty: %s\nPhone: %s\nID: V%d"}
	msgApprovalQuestion = Text{"Setujui relawan ini?", "Approve this volunteer?"}
	msgApproveButton    = Text{"✅ Setujui", "✅ Approve"}
	msgRejectButton     = Text{"❌ Tolak", "❌ Reject"}
	msgNotAllowed       = Text{"Anda tidak berwenang memutuskan pendaftaran ini.", "You are not allowed to decide on this registration."}
	msgAlreadyDecided   = Text{"Pendaftaran ini sudah diputuskan sebelumnya.", "This registration was already decided."}
	msgDecisionSaved    = Text{"Keputusan tersimpan.", "Decision saved."}
	msgCardApproved     = Text{"✅ <b>Disetujui</b> oleh %s", "✅ <b>Approved</b> by %s"}
	msgCardRejected     = Text{"❌ <b>Ditolak</b> oleh %s", "❌ <b>Rejected</b> by %s"}
	msgCardPending      = Text{"⏳ Menunggu keputusan", "⏳ Awaiting decision"}
	msgYouAreApproved   = Text{"🎉 Selamat, %s! Akun Mitra Anda sudah disetujui.", "🎉 Congratulations, %s! Your Mitra account has been approved."}
	msgYouAreRejected   = Text{"Mohon maaf, pendaftaran Mitra Anda belum dapat disetujui. Hubungi Dinas Sosial kabupaten/kota Anda untuk informasi lebih lanjut.",
		"Sorry, your Mitra registration could not be approved. Please contact your Dinas Sosial for more information."}

	msgChooseLanguage = Text{"Pilih bahasa / Choose a language:", "Choose a language / Pilih bahasa:"}
	msgLanguageSet    = Text{"✅ Bahasa: Indonesia", "✅ Language: English"}

	msgHelpUnregistered = Text{"Ketik /start untuk mendaftar sebagai relawan Mitra.\n/bahasa — ganti bahasa\n/batal — keluar dari percakapan",
		"Type /start to register as a Mitra volunteer.\n/bahasa — change language\n/batal — leave the conversation"}
	msgHelpHeader = Text{"<b>Yang bisa Anda lakukan di Mitra:</b>", "<b>What you can do with Mitra:</b>"}
	helpLapor     = Text{"/lapor — laporkan kejadian darurat atau bencana", "/lapor — report an emergency or disaster"}
	helpDaftar    = Text{"/daftar — daftarkan warga yang membutuhkan bantuan (usulan DTKS/DTSEN)",
		"/daftar — register a person who needs assistance (DTKS/DTSEN pre-proposal)"}
	helpKunjungan      = Text{"/kunjungan — catat kunjungan lapangan", "/kunjungan — record a field visit"}
	msgHelpCoordinator = Text{"<b>Koordinator:</b>", "<b>Coordinators:</b>"}
	helpUndang         = Text{"/undang — buat tautan undangan untuk bimtek", "/undang — create an invite link for a training session"}
	msgHelpAdmin       = Text{"<b>Admin:</b>", "<b>Admins:</b>"}
	helpKoordinator    = Text{"/koordinator — angkat atau cabut koordinator kabupaten/kota", "/koordinator — appoint or remove a kabupaten/kota coordinator"}
	helpGeneral        = Text{"/bahasa — ganti bahasa · /batal — keluar dari formulir · /bantuan — menu ini",
		"/bahasa — change language · /batal — leave a form · /bantuan — this menu"}

	msgInviteCreated = Text{"🔗 <b>Tautan undangan siap</b>\nPeran: %s\nWilayah: %s\nKuota: %d orang\nBerlaku sampai: %s\n\n%s\n\nBagikan tautan ini di grup bimtek. Yang bergabung lewat tautan ini langsung aktif tanpa persetujuan.",
		"🔗 <b>Invite link ready</b>\nRole: %s\nArea: %s\nQuota: %d people\nValid until: %s\n\n%s\n\nShare it in the training group. People who join through it are active without approval."}

	msgCoordinatorGranted = Text{"✅ %s sekarang koordinator %s.", "✅ %s is now coordinator of %s."}
	msgCoordinatorRevoked = Text{"✅ Peran koordinator %s sudah dicabut.", "✅ %s is no longer a coordinator."}
	msgYouAreCoordinator  = Text{"📣 Anda sekarang koordinator Mitra untuk %s. Pendaftaran relawan di wilayah ini akan dikirim kepada Anda. Ketik /bantuan untuk melihat menu koordinator.",
		"📣 You are now Mitra coordinator for %s. Volunteer registrations in this area will come to you. Type /bantuan to see the coordinator menu."}
	msgYouAreNoLongerCoordinator = Text{"Peran koordinator Anda di Mitra sudah dicabut oleh admin.", "An admin has removed your Mitra coordinator role."}
)
