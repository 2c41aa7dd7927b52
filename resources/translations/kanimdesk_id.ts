<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AnswerPane</name>
    <message>
        <location filename="../../ui/pages/visit_answer_pane.py" line="69"/>
        <source>CRITICAL ITEM — an answer that scores 0 fails the section</source>
        <translation>BUTIR KRITIS — jawaban bernilai 0 menggagalkan bagian</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_answer_pane.py" line="97"/>
        <source>Type a number, Enter saves</source>
        <translation>Ketik angka, Enter menyimpan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_answer_pane.py" line="101"/>
        <source>Type the answer; it is saved as you type</source>
        <translation>Ketik jawaban; tersimpan saat diketik</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_answer_pane.py" line="105"/>
        <source>Note for this item (E); saved as you type</source>
        <translation>Catatan butir ini (E); tersimpan saat diketik</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_answer_pane.py" line="115"/>
        <source>Attach photo to this item…</source>
        <translation>Lampirkan foto ke butir ini…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_answer_pane.py" line="133"/>
        <source>Guidance</source>
        <translation>Petunjuk</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_answer_pane.py" line="137"/>
        <source>Answer</source>
        <translation>Jawaban</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_answer_pane.py" line="144"/>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_answer_pane.py" line="149"/>
        <source>Photos of this item</source>
        <translation>Foto butir ini</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_answer_pane.py" line="176"/>
        <source>Key %1</source>
        <translation>Tombol %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_answer_pane.py" line="205"/>
        <source>Choose an item in the checklist.</source>
        <translation>Pilih butir pada daftar periksa.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_answer_pane.py" line="225"/>
        <source>Keys: 1–%1 answer, 0 or N = N.A., Del clears · ↑/↓ or K/J move · Enter next · E note</source>
        <translation>Tombol: 1–%1 jawab, 0 atau N = N.A., Del hapus · ↑/↓ atau K/J pindah · Enter lanjut · E catatan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_answer_pane.py" line="231"/>
        <source>Type the number (digits jump here), Enter saves and goes on · Esc back to the list</source>
        <translation>Ketik angka (tombol angka langsung ke sini), Enter simpan dan lanjut · Esc kembali ke daftar</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_answer_pane.py" line="236"/>
        <source>Enter starts typing; Ctrl+Enter saves and goes on · Esc back to the list</source>
        <translation>Enter mulai mengetik; Ctrl+Enter simpan dan lanjut · Esc kembali ke daftar</translation>
    </message>
</context>
<context>
    <name>CarriedFindingsModel</name>
    <message>
        <location filename="../../ui/models/findings_model.py" line="170"/>
        <source>Finding</source>
        <translation>Temuan</translation>
    </message>
    <message>
        <location filename="../../ui/models/findings_model.py" line="171"/>
        <source>Raised</source>
        <translation>Diangkat</translation>
    </message>
    <message>
        <location filename="../../ui/models/findings_model.py" line="172"/>
        <source>Owner</source>
        <translation>Penanggung jawab</translation>
    </message>
    <message>
        <location filename="../../ui/models/findings_model.py" line="173"/>
        <source>Status then</source>
        <translation>Status saat itu</translation>
    </message>
    <message>
        <location filename="../../ui/models/findings_model.py" line="174"/>
        <source>Status now</source>
        <translation>Status sekarang</translation>
    </message>
    <message>
        <location filename="../../ui/models/findings_model.py" line="175"/>
        <source>Last follow-up note</source>
        <translation>Catatan terakhir</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../ui/models/checklist_model.py" line="132"/>
        <source>FAILED (critical item)</source>
        <translation>GAGAL (butir kritis)</translation>
    </message>
    <message>
        <location filename="../../ui/models/checklist_model.py" line="164"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../ui/models/checklist_model.py" line="164"/>
        <source>Item</source>
        <translation>Butir</translation>
    </message>
    <message>
        <location filename="../../ui/models/checklist_model.py" line="164"/>
        <source>Answer</source>
        <translation>Jawaban</translation>
    </message>
    <message>
        <location filename="../../ui/models/checklist_model.py" line="164"/>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location filename="../../ui/models/checklist_model.py" line="196"/>
        <source>%1 of %2 answered</source>
        <translation>%1 dari %2 dijawab</translation>
    </message>
    <message>
        <location filename="../../ui/models/checklist_model.py" line="211"/>
        <source>Failed by critical item(s): %1</source>
        <translation>Gagal karena butir kritis: %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/checklist_model.py" line="235"/>
        <source>Critical item: an answer that scores 0 fails the whole section.</source>
        <translation>Butir kritis: jawaban bernilai 0 menggagalkan seluruh bagian.</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <location filename="../../ui/pages/visit_checklist.py" line="358"/>
        <source>Not a number: %1</source>
        <translation>Bukan angka: %1</translation>
    </message>
</context>
<context>
    <name>CounterPanel</name>
    <message>
        <location filename="../../ui/pages/queue_counter_panel.py" line="105"/>
        <source>Call next</source>
        <translation>Panggil berikutnya</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_counter_panel.py" line="108"/>
        <source>Call again</source>
        <translation>Panggil ulang</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_counter_panel.py" line="109"/>
        <source>Start serving</source>
        <translation>Mulai layani</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_counter_panel.py" line="110"/>
        <source>Finish</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_counter_panel.py" line="111"/>
        <source>No-show</source>
        <translation>Tidak hadir</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_counter_panel.py" line="112"/>
        <source>Return to &amp;queue</source>
        <translation>&amp;Kembalikan ke antrean</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_counter_panel.py" line="114"/>
        <source>&amp;Transfer</source>
        <translation>&amp;Alihkan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_counter_panel.py" line="125"/>
        <source>At this counter</source>
        <translation>Di loket ini</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_counter_panel.py" line="142"/>
        <source>Transfer to:</source>
        <translation>Alihkan ke layanan:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_counter_panel.py" line="150"/>
        <source>Actions</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_counter_panel.py" line="186"/>
        <source>No number called yet.</source>
        <translation>Belum ada nomor yang dipanggil.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_counter_panel.py" line="197"/>
        <source>Priority: %1</source>
        <translation>Prioritas: %1</translation>
    </message>
</context>
<context>
    <name>DaySummaryLabel</name>
    <message>
        <location filename="../../ui/pages/queue_counter_panel.py" line="73"/>
        <source>%1 min</source>
        <translation>%1 menit</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_counter_panel.py" line="76"/>
        <source>Waiting: %1</source>
        <translation>Menunggu: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_counter_panel.py" line="77"/>
        <source>Being served: %1</source>
        <translation>Dilayani: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_counter_panel.py" line="78"/>
        <source>Done: %1</source>
        <translation>Selesai: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_counter_panel.py" line="79"/>
        <source>No-show: %1</source>
        <translation>Tidak hadir: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_counter_panel.py" line="80"/>
        <source>Average wait today: %1</source>
        <translation>Rata-rata tunggu hari ini: %1</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../ui/models/findings_model.py" line="104"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/models/findings_model.py" line="105"/>
        <source>Finding</source>
        <translation>Temuan</translation>
    </message>
    <message>
        <location filename="../../ui/models/findings_model.py" line="106"/>
        <source>Direction</source>
        <translation>Arahan</translation>
    </message>
    <message>
        <location filename="../../ui/models/findings_model.py" line="107"/>
        <source>Priority</source>
        <translation>Prioritas</translation>
    </message>
    <message>
        <location filename="../../ui/models/findings_model.py" line="108"/>
        <source>Owner</source>
        <translation>Penanggung jawab</translation>
    </message>
    <message>
        <location filename="../../ui/models/findings_model.py" line="109"/>
        <source>Due</source>
        <translation>Batas waktu</translation>
    </message>
    <message>
        <location filename="../../ui/models/findings_model.py" line="110"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/findings_model.py" line="140"/>
        <source>Carried from a previous visit (raised %1)</source>
        <translation>Lanjutan dari kunjungan sebelumnya (diangkat %1)</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../ui/pages/visit_findings.py" line="104"/>
        <source>e.g. Kepala Seksi Lalu Lintas Keimigrasian</source>
        <translation>mis. Kepala Seksi Lalu Lintas Keimigrasian</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_findings.py" line="113"/>
        <source>&amp;New finding</source>
        <translation>Te&amp;muan baru</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_findings.py" line="114"/>
        <source>&amp;Save finding</source>
        <translation>&amp;Simpan temuan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_findings.py" line="115"/>
        <source>&amp;Delete</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_findings.py" line="139"/>
        <source>Findings and directions of this visit (↻ = carried from an earlier visit)</source>
        <translation>Temuan dan arahan kunjungan ini (↻ = lanjutan dari kunjungan sebelumnya)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_findings.py" line="144"/>
        <source>Carried from previous visits: status then and now</source>
        <translation>Lanjutan dari kunjungan sebelumnya: status saat itu dan sekarang</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_findings.py" line="150"/>
        <source>Finding</source>
        <translation>Temuan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_findings.py" line="153"/>
        <source>&amp;Finding:</source>
        <translation>&amp;Temuan:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_findings.py" line="154"/>
        <source>Di&amp;rection:</source>
        <translation>A&amp;rahan:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_findings.py" line="155"/>
        <source>&amp;Priority:</source>
        <translation>&amp;Prioritas:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_findings.py" line="156"/>
        <source>&amp;Owner at the office:</source>
        <translation>Penanggung &amp;jawab di kantor:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_findings.py" line="157"/>
        <source>D&amp;ue date:</source>
        <translation>Batas &amp;waktu:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_findings.py" line="158"/>
        <source>S&amp;tatus:</source>
        <translation>St&amp;atus:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_findings.py" line="159"/>
        <source>Checklist &amp;item:</source>
        <translation>&amp;Butir daftar periksa:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_findings.py" line="216"/>
        <source>General (no item)</source>
        <translation>Umum (tanpa butir)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_findings.py" line="289"/>
        <source>New finding</source>
        <translation>Temuan baru</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_findings.py" line="295"/>
        <source>Finding no. %1</source>
        <translation>Temuan no. %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_findings.py" line="339"/>
        <source>Not a calendar date; type DD/MM/YYYY.</source>
        <translation>Bukan tanggal yang ada; ketik HH/BB/TTTT.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_findings.py" line="350"/>
        <source>Finding saved.</source>
        <translation>Temuan disimpan.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_findings.py" line="365"/>
        <source>Delete finding</source>
        <translation>Hapus temuan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_findings.py" line="365"/>
        <source>Delete the selected finding?</source>
        <translation>Hapus temuan yang dipilih?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_findings.py" line="374"/>
        <source>Finding deleted.</source>
        <translation>Temuan dihapus.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_findings.py" line="398"/>
        <source>Follow-up recorded.</source>
        <translation>Tindak lanjut dicatat.</translation>
    </message>
</context>
<context>
    <name>FollowUpBox</name>
    <message>
        <location filename="../../ui/pages/visit_follow_up.py" line="34"/>
        <source>Follow-up</source>
        <translation>Tindak lanjut</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_follow_up.py" line="46"/>
        <source>Add &amp;follow-up</source>
        <translation>Tambah tin&amp;dak lanjut</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_follow_up.py" line="53"/>
        <source>Dat&amp;e:</source>
        <translation>Tangga&amp;l:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_follow_up.py" line="54"/>
        <source>New stat&amp;us:</source>
        <translation>Stat&amp;us baru:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_follow_up.py" line="55"/>
        <source>N&amp;ote:</source>
        <translation>&amp;Catatan:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_follow_up.py" line="56"/>
        <source>&amp;By:</source>
        <translation>&amp;Oleh:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_follow_up.py" line="88"/>
        <source>No follow-up yet.</source>
        <translation>Belum ada tindak lanjut.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_follow_up.py" line="94"/>
        <source>Not a calendar date; type DD/MM/YYYY.</source>
        <translation>Bukan tanggal yang ada; ketik HH/BB/TTTT.</translation>
    </message>
</context>
<context>
    <name>ForeignersPage</name>
    <message>
        <location filename="../../ui/pages/foreigners_page.py" line="40"/>
        <source>3 letters, e.g. MYS</source>
        <translation>3 huruf, mis. MYS</translation>
    </message>
    <message>
        <location filename="../../ui/pages/foreigners_page.py" line="48"/>
        <source>— choose —</source>
        <translation>— pilih —</translation>
    </message>
    <message>
        <location filename="../../ui/pages/foreigners_page.py" line="49"/>
        <source>Male (L)</source>
        <translation>Laki-laki (L)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/foreigners_page.py" line="50"/>
        <source>Female (P)</source>
        <translation>Perempuan (P)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/foreigners_page.py" line="59"/>
        <source>current ITK/ITAS number, if any</source>
        <translation>nomor ITK/ITAS saat ini, jika ada</translation>
    </message>
    <message>
        <location filename="../../ui/pages/foreigners_page.py" line="61"/>
        <source>None</source>
        <translation>Tidak ada</translation>
    </message>
    <message>
        <location filename="../../ui/pages/foreigners_page.py" line="64"/>
        <source>Save &amp;&amp; Print  (Ctrl+Enter)</source>
        <translation>Simpan &amp;&amp; Cetak  (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/foreigners_page.py" line="67"/>
        <source>New applicant  (Esc)</source>
        <translation>Pemohon baru  (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/foreigners_page.py" line="72"/>
        <source>Foreign nationals</source>
        <translation>Izin tinggal WNA</translation>
    </message>
    <message>
        <location filename="../../ui/pages/foreigners_page.py" line="81"/>
        <source>Foreign national (identified by passport)</source>
        <translation>Warga negara asing (dikenali dari paspor)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/foreigners_page.py" line="83"/>
        <source>&amp;Passport number</source>
        <translation>Nomor &amp;paspor</translation>
    </message>
    <message>
        <location filename="../../ui/pages/foreigners_page.py" line="84"/>
        <source>Na&amp;tionality</source>
        <translation>Kewarga&amp;negaraan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/foreigners_page.py" line="86"/>
        <source>Full &amp;name</source>
        <translation>Nama &amp;lengkap</translation>
    </message>
    <message>
        <location filename="../../ui/pages/foreigners_page.py" line="87"/>
        <source>&amp;Date of birth</source>
        <translation>&amp;Tanggal lahir</translation>
    </message>
    <message>
        <location filename="../../ui/pages/foreigners_page.py" line="88"/>
        <source>Se&amp;x</source>
        <translation>&amp;Jenis kelamin</translation>
    </message>
    <message>
        <location filename="../../ui/pages/foreigners_page.py" line="89"/>
        <source>P&amp;hone</source>
        <translation>Tele&amp;pon</translation>
    </message>
    <message>
        <location filename="../../ui/pages/foreigners_page.py" line="90"/>
        <source>Stay-permit service</source>
        <translation>Layanan izin tinggal</translation>
    </message>
    <message>
        <location filename="../../ui/pages/foreigners_page.py" line="92"/>
        <source>&amp;Service</source>
        <translation>La&amp;yanan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/foreigners_page.py" line="93"/>
        <source>Current per&amp;mit</source>
        <translation>Nomor i&amp;zin saat ini</translation>
    </message>
    <message>
        <location filename="../../ui/pages/foreigners_page.py" line="94"/>
        <source>Pr&amp;iority</source>
        <translation>Pr&amp;ioritas</translation>
    </message>
    <message>
        <location filename="../../ui/pages/foreigners_page.py" line="129"/>
        <source>Could not complete the action: %1. Nothing was lost; try again.</source>
        <translation>Tindakan tidak dapat diselesaikan: %1. Tidak ada data yang hilang; coba lagi.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/foreigners_page.py" line="148"/>
        <source>New applicant: fill in the details.</source>
        <translation>Pemohon baru: lengkapi data.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/foreigners_page.py" line="150"/>
        <source>Known applicant: details filled in, check them.</source>
        <translation>Pemohon sudah terdaftar: data terisi, periksa kembali.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/foreigners_page.py" line="187"/>
        <source>Not saved. Correct the marked fields.</source>
        <translation>Belum disimpan. Perbaiki isian yang ditandai.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/foreigners_page.py" line="195"/>
        <source>Ticket %1 issued.</source>
        <translation>Nomor antrean %1 diterbitkan.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/foreigners_page.py" line="196"/>
        <source>Waiting ahead: %1.</source>
        <translation>Menunggu di depan: %1.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="31"/>
        <source>KanimDesk — %1</source>
        <translation>KanimDesk — %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="43"/>
        <source>Registration</source>
        <translation>Pendaftaran</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="44"/>
        <source>Foreign nationals</source>
        <translation>Izin tinggal WNA</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="45"/>
        <source>Queue</source>
        <translation>Antrean</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="46"/>
        <source>Monev visits</source>
        <translation>Kunjungan monev</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="47"/>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="57"/>
        <source>Counter %1</source>
        <translation>Loket %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="115"/>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="122"/>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="126"/>
        <source>&amp;Help</source>
        <translation>Ban&amp;tuan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="127"/>
        <source>&amp;About KanimDesk</source>
        <translation>&amp;Tentang KanimDesk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="134"/>
        <source>About KanimDesk</source>
        <translation>Tentang KanimDesk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135"/>
        <source>KanimDesk %1
Front desk of the immigration office.</source>
        <translation>KanimDesk %1
Meja layanan depan kantor imigrasi.</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../ui/printing.py" line="212"/>
        <source>Preview</source>
        <translation>Pratinjau</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/printing.py" line="221"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n halaman</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="222"/>
        <source>Print…</source>
        <translation>Cetak…</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="223"/>
        <source>Save PDF…</source>
        <translation>Simpan PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="224"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="249"/>
        <source>Printing failed</source>
        <translation>Gagal mencetak</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="253"/>
        <source>Save PDF</source>
        <translation>Simpan PDF</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="253"/>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="262"/>
        <source>Saving failed</source>
        <translation>Gagal menyimpan</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="263"/>
        <source>The file could not be saved: %1</source>
        <translation>Berkas tidak dapat disimpan: %1</translation>
    </message>
</context>
<context>
    <name>PeopleRows</name>
    <message>
        <location filename="../../ui/pages/visit_people.py" line="73"/>
        <source>Add team member</source>
        <translation>Tambah anggota tim</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_people.py" line="73"/>
        <source>Add representative</source>
        <translation>Tambah pejabat kantor</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_people.py" line="91"/>
        <location filename="../../ui/pages/visit_people.py" line="92"/>
        <source>Name / position</source>
        <translation>Nama / jabatan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_people.py" line="91"/>
        <source>NIP (18 digits) / role</source>
        <translation>NIP (18 angka) / peran</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_people.py" line="92"/>
        <location filename="../../ui/pages/visit_people.py" line="119"/>
        <source>NIP (18 digits)</source>
        <translation>NIP (18 angka)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_people.py" line="117"/>
        <source>Remove this row</source>
        <translation>Hapus baris ini</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_people.py" line="118"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_people.py" line="120"/>
        <source>Position</source>
        <translation>Jabatan</translation>
    </message>
</context>
<context>
    <name>PhotosPanel</name>
    <message>
        <location filename="../../ui/pages/visit_photos.py" line="104"/>
        <source>Add photo…</source>
        <translation>Tambah foto…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_photos.py" line="119"/>
        <source>What the photo shows</source>
        <translation>Apa yang terlihat pada foto</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_photos.py" line="129"/>
        <source>Save caption</source>
        <translation>Simpan keterangan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_photos.py" line="130"/>
        <location filename="../../ui/pages/visit_photos.py" line="291"/>
        <source>Remove photo</source>
        <translation>Hapus foto</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_photos.py" line="151"/>
        <source>JPEG or PNG, up to 15 MB; stored once, resized to at most 1600 px.</source>
        <translation>JPEG atau PNG, maks. 15 MB; disimpan sekali, diperkecil hingga maks. 1600 px.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_photos.py" line="155"/>
        <source>Selected photo</source>
        <translation>Foto terpilih</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_photos.py" line="157"/>
        <source>&amp;Caption:</source>
        <translation>&amp;Keterangan:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_photos.py" line="158"/>
        <source>Checklist &amp;item:</source>
        <translation>&amp;Butir daftar periksa:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_photos.py" line="177"/>
        <source>General (no item)</source>
        <translation>Umum (tanpa butir)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_photos.py" line="196"/>
        <source>(no caption)</source>
        <translation>(tanpa keterangan)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_photos.py" line="207"/>
        <source>%1 photo(s)</source>
        <translation>%1 foto</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_photos.py" line="236"/>
        <source>%1 × %2 px, %3 KB</source>
        <translation>%1 × %2 px, %3 KB</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_photos.py" line="249"/>
        <source>Add photos</source>
        <translation>Tambah foto</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_photos.py" line="251"/>
        <source>Images (*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff)</source>
        <translation>Gambar (*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_photos.py" line="265"/>
        <source>This photo is already attached to the visit.</source>
        <translation>Foto ini sudah dilampirkan pada kunjungan.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_photos.py" line="267"/>
        <source>Photo attached.</source>
        <translation>Foto dilampirkan.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_photos.py" line="282"/>
        <source>Caption saved.</source>
        <translation>Keterangan disimpan.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_photos.py" line="291"/>
        <source>Remove the selected photo from this visit?</source>
        <translation>Hapus foto yang dipilih dari kunjungan ini?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_photos.py" line="300"/>
        <source>Photo removed.</source>
        <translation>Foto dihapus.</translation>
    </message>
</context>
<context>
    <name>QueueDisplayWindow</name>
    <message>
        <location filename="../../ui/pages/queue_display.py" line="88"/>
        <source>Queue display</source>
        <translation>Layar antrean</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_display.py" line="97"/>
        <source>Now calling</source>
        <translation>Nomor dipanggil</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_display.py" line="105"/>
        <source>Called before</source>
        <translation>Panggilan sebelumnya</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_display.py" line="225"/>
        <source>Counter %1</source>
        <translation>Loket %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_display.py" line="244"/>
        <source>+%1 more</source>
        <translation>+%1 lagi</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="64"/>
        <source>Queue &amp;display</source>
        <translation>&amp;Layar antrean</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="153"/>
        <source>No-show</source>
        <translation>Tidak hadir</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="93"/>
        <source>Queue</source>
        <translation>Antrean</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="99"/>
        <source>&amp;Counter:</source>
        <translation>L&amp;oket:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="104"/>
        <source>Serves:</source>
        <translation>Melayani:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="116"/>
        <source>&amp;Show:</source>
        <translation>&amp;Tampilkan:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="149"/>
        <source>All</source>
        <translation>Semua</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="150"/>
        <source>Waiting</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="151"/>
        <source>Called / serving</source>
        <translation>Dipanggil / dilayani</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="152"/>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="248"/>
        <source>Tick at least one service this counter serves.</source>
        <translation>Centang minimal satu layanan yang dilayani loket ini.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="271"/>
        <source>Calling %1 to counter %2.</source>
        <translation>Memanggil %1 ke loket %2.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="298"/>
        <source>%1 called again.</source>
        <translation>%1 dipanggil ulang.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="299"/>
        <source>Serving %1.</source>
        <translation>Melayani %1.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="300"/>
        <source>%1 finished.</source>
        <translation>%1 selesai.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="301"/>
        <source>%1 marked as no-show.</source>
        <translation>%1 dicatat tidak hadir.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="302"/>
        <source>%1 is back in the queue.</source>
        <translation>%1 kembali ke antrean.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="329"/>
        <source>%1 now waits for %2; the number stays the same.</source>
        <translation>%1 kini menunggu di layanan %2; nomornya tetap.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="340"/>
        <source>No number at this counter: call the next one (F2) or double-click a ticket in the list.</source>
        <translation>Belum ada nomor di loket ini: panggil berikutnya (F2) atau klik ganda nomor di daftar.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="347"/>
        <source>Selected %1.</source>
        <translation>%1 dipilih.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="376"/>
        <source>The queue could not be read or updated (is the database reachable?). Nothing was changed; try again.</source>
        <translation>Antrean tidak dapat dibaca atau diperbarui (apakah basis data dapat dijangkau?). Tidak ada yang berubah; coba lagi.</translation>
    </message>
</context>
<context>
    <name>RegistrationFormWidget</name>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="50"/>
        <source>— choose —</source>
        <translation>— pilih —</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="51"/>
        <source>Male (L)</source>
        <translation>Laki-laki (L)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="52"/>
        <source>Female (P)</source>
        <translation>Perempuan (P)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="53"/>
        <source>Married</source>
        <translation>Sudah menikah</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="64"/>
        <source>10 years</source>
        <translation>10 tahun</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="65"/>
        <source>5 years</source>
        <translation>5 tahun</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="66"/>
        <source>Same-day service (percepatan)</source>
        <translation>Layanan percepatan (selesai hari yang sama)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="67"/>
        <source>Force majeure (no lost/damaged charge)</source>
        <translation>Keadaan kahar (tanpa denda hilang/rusak)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="72"/>
        <source>None</source>
        <translation>Tidak ada</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="77"/>
        <source>only for M-Paspor bookings</source>
        <translation>hanya untuk antrean M-Paspor</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="100"/>
        <source>Applicant</source>
        <translation>Pemohon</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="103"/>
        <source>&amp;NIK</source>
        <translation>&amp;NIK</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="105"/>
        <source>Full &amp;name</source>
        <translation>&amp;Nama lengkap</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="106"/>
        <source>Place of birth</source>
        <translation>Tempat lahir</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="107"/>
        <source>&amp;Date of birth</source>
        <translation>&amp;Tanggal lahir</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="115"/>
        <source>Se&amp;x</source>
        <translation>&amp;Jenis kelamin</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="116"/>
        <source>&amp;Phone</source>
        <translation>Tele&amp;pon</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="118"/>
        <source>Application</source>
        <translation>Permohonan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="121"/>
        <source>&amp;Kind</source>
        <translation>Jenis permo&amp;honan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="122"/>
        <source>P&amp;roduct</source>
        <translation>Jenis pa&amp;spor</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="123"/>
        <source>&amp;Validity</source>
        <translation>&amp;Masa berlaku</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="126"/>
        <source>P&amp;urpose</source>
        <translation>T&amp;ujuan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="127"/>
        <source>Pr&amp;iority</source>
        <translation>Pr&amp;ioritas</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="128"/>
        <source>&amp;Booking code</source>
        <translation>Kode &amp;booking</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="130"/>
        <source>Documents checked (Space ticks)</source>
        <translation>Dokumen diperiksa (Spasi untuk mencentang)</translation>
    </message>
</context>
<context>
    <name>RegistrationPage</name>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="68"/>
        <source>Save &amp;&amp; Print  (Ctrl+Enter)</source>
        <translation>Simpan &amp;&amp; Cetak  (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="72"/>
        <source>New applicant  (Esc)</source>
        <translation>Pemohon baru  (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="81"/>
        <source>&amp;Reprint slip</source>
        <translation>&amp;Cetak ulang slip</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="83"/>
        <source>M-Paspor booking code, then Enter</source>
        <translation>Kode booking M-Paspor, lalu Enter</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="86"/>
        <source>Check &amp;in booking  (F8)</source>
        <translation>Check-&amp;in booking  (F8)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="94"/>
        <source>Registration</source>
        <translation>Pendaftaran</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="97"/>
        <source>PNBP fee</source>
        <translation>Biaya PNBP</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="108"/>
        <source>Today&apos;s tickets</source>
        <translation>Nomor antrean hari ini</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="117"/>
        <source>Booked applicant (M-Paspor)</source>
        <translation>Pemohon dengan booking (M-Paspor)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="169"/>
        <source>Bookings today: %1, checked in: %2</source>
        <translation>Booking hari ini: %1, sudah check-in: %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="185"/>
        <source>Could not complete the action: %1. Nothing was lost; try again.</source>
        <translation>Tindakan tidak dapat diselesaikan: %1. Tidak ada data yang hilang; coba lagi.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="209"/>
        <source>New applicant: fill in the details.</source>
        <translation>Pemohon baru: lengkapi data.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="211"/>
        <source>Known applicant: details filled in, check them.</source>
        <translation>Pemohon sudah terdaftar: data terisi, periksa kembali.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="265"/>
        <source>Not saved. Correct the marked fields.</source>
        <translation>Belum disimpan. Perbaiki isian yang ditandai.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="277"/>
        <source>Ticket %1 issued.</source>
        <translation>Nomor antrean %1 diterbitkan.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="278"/>
        <source>Waiting ahead: %1.</source>
        <translation>Menunggu di depan: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="279"/>
        <source>Fee %1.</source>
        <translation>Biaya %1.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="282"/>
        <source>Expected collection: %1.</source>
        <translation>Perkiraan penyerahan: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="325"/>
        <source>Select a ticket in the list first.</source>
        <translation>Pilih dulu nomor antrean di daftar.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="337"/>
        <source>Slip %1 reprinted.</source>
        <translation>Slip %1 dicetak ulang.</translation>
    </message>
</context>
<context>
    <name>ScoreStrip</name>
    <message>
        <location filename="../../ui/pages/visit_checklist_view.py" line="103"/>
        <source>Red code = critical item</source>
        <translation>Kode merah = butir kritis</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_checklist_view.py" line="116"/>
        <source>Total score: %1</source>
        <translation>Nilai total: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_checklist_view.py" line="119"/>
        <source>%1 of %2 items answered</source>
        <translation>%1 dari %2 butir dijawab</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_checklist_view.py" line="125"/>
        <source>FAILED (critical item): %1</source>
        <translation>GAGAL (butir kritis): %1</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="78"/>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="80"/>
        <source>&amp;Discard changes</source>
        <translation>&amp;Batalkan perubahan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="87"/>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="118"/>
        <source>Office profile</source>
        <translation>Profil kantor</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="121"/>
        <source>Office &amp;code:</source>
        <translation>&amp;Kode kantor:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="122"/>
        <source>Office &amp;name:</source>
        <translation>&amp;Nama kantor:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="123"/>
        <source>Office c&amp;lass:</source>
        <translation>K&amp;elas kantor:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="124"/>
        <source>&amp;Address:</source>
        <translation>&amp;Alamat:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="125"/>
        <source>C&amp;ity:</source>
        <translation>K&amp;ota:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="126"/>
        <source>&amp;Head of office:</source>
        <translation>Kepala kanto&amp;r:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="127"/>
        <source>Head&apos;s NI&amp;P:</source>
        <translation>N&amp;IP kepala:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="128"/>
        <source>&amp;Regional office:</source>
        <translation>Kantor &amp;wilayah:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="129"/>
        <source>NIK regenc&amp;y code:</source>
        <translation>Kode kabupa&amp;ten NIK:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="134"/>
        <source>The office code identifies this office&apos;s numbers in the database; change it only when setting up a new office. The regency code (4 digits, e.g. 1603) marks local NIKs.</source>
        <translation>Kode kantor menandai nomor-nomor kantor ini di basis data; ubah hanya saat menyiapkan kantor baru. Kode kabupaten (4 angka, mis. 1603) menandai NIK setempat.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="138"/>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="140"/>
        <source>Lan&amp;guage:</source>
        <translation>Ba&amp;hasa:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="144"/>
        <source>Menus and labels change language when the program is opened again.</source>
        <translation>Bahasa menu dan label berganti setelah aplikasi dibuka ulang.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="148"/>
        <source>Slip printing</source>
        <translation>Pencetakan slip</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="150"/>
        <source>Slip prin&amp;ter:</source>
        <translation>&amp;Printer slip:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="151"/>
        <source>Paper &amp;width:</source>
        <translation>&amp;Lebar kertas:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="153"/>
        <source>Service rules</source>
        <translation>Aturan layanan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="155"/>
        <source>Passport ready after (wor&amp;king days):</source>
        <translation>Paspor siap setelah (hari ker&amp;ja):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="158"/>
        <source>Cancel &amp;uncollected after (days):</source>
        <translation>Batal jika tidak &amp;diambil setelah (hari):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="162"/>
        <source>Walk-in priority &amp;quota per day:</source>
        <translation>K&amp;uota prioritas walk-in per hari:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="166"/>
        <source>Database</source>
        <translation>Basis data</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="168"/>
        <source>In use:</source>
        <translation>Dipakai:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="170"/>
        <source>Set by db_url in the settings file, or for one start by --db URL or the KANIMDESK_DB variable (these win). A change takes effect when the program is opened again.</source>
        <translation>Diatur oleh db_url di berkas pengaturan, atau untuk satu kali jalan dengan --db URL atau variabel KANIMDESK_DB (keduanya didahulukan). Perubahan berlaku setelah aplikasi dibuka ulang.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="260"/>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="315"/>
        <source>Not saved: correct the fields marked in red.</source>
        <translation>Belum disimpan: perbaiki isian yang ditandai merah.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="322"/>
        <source>Nothing to save.</source>
        <translation>Tidak ada yang perlu disimpan.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="330"/>
        <source>The settings file could not be written (%1). Your changes are still in the form.</source>
        <translation>Berkas pengaturan tidak dapat ditulis (%1). Perubahan Anda masih ada di formulir.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="336"/>
        <source>Settings saved.</source>
        <translation>Pengaturan disimpan.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="338"/>
        <source>The new language applies when the program is opened again.</source>
        <translation>Bahasa baru berlaku setelah aplikasi dibuka ulang.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="344"/>
        <source>Changes discarded.</source>
        <translation>Perubahan dibatalkan.</translation>
    </message>
</context>
<context>
    <name>TemplateEditorDialog</name>
    <message>
        <location filename="../../ui/pages/template_editor.py" line="63"/>
        <source>Checklist templates</source>
        <translation>Templat daftar periksa</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_editor.py" line="68"/>
        <source>Import YAML…</source>
        <translation>Impor YAML…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_editor.py" line="69"/>
        <source>Export YAML…</source>
        <translation>Ekspor YAML…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_editor.py" line="84"/>
        <source>+ Section</source>
        <translation>+ Bagian</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_editor.py" line="85"/>
        <source>+ Item</source>
        <translation>+ Butir</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_editor.py" line="86"/>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_editor.py" line="88"/>
        <source>Move up (Alt+Up)</source>
        <translation>Naikkan (Alt+Atas)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_editor.py" line="90"/>
        <source>Move down (Alt+Down)</source>
        <translation>Turunkan (Alt+Bawah)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_editor.py" line="99"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_editor.py" line="101"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_editor.py" line="110"/>
        <source>&amp;Template:</source>
        <translation>&amp;Templat:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_editor.py" line="115"/>
        <source>Template tit&amp;le:</source>
        <translation>&amp;Judul templat:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_editor.py" line="182"/>
        <source>Failed: %1</source>
        <translation>Gagal: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_editor.py" line="194"/>
        <source>version %1</source>
        <translation>versi %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_editor.py" line="197"/>
        <source>in use</source>
        <translation>dipakai</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_editor.py" line="316"/>
        <source>The template is already used by visits; saved as version %1.</source>
        <translation>Templat sudah dipakai kunjungan; disimpan sebagai versi %1.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_editor.py" line="319"/>
        <source>Nothing changed; version %1 kept.</source>
        <translation>Tidak ada perubahan; versi %1 tetap.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_editor.py" line="321"/>
        <source>Template saved (version %1 updated).</source>
        <translation>Templat disimpan (versi %1 diperbarui).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_editor.py" line="352"/>
        <source>Imported %1 as a new template (version %2).</source>
        <translation>%1 diimpor sebagai templat baru (versi %2).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_editor.py" line="354"/>
        <source>%1 version %2 is already stored with this content; nothing changed.</source>
        <translation>%1 versi %2 sudah tersimpan dengan isi yang sama; tidak ada yang berubah.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_editor.py" line="356"/>
        <source>%1 version %2 updated from the file.</source>
        <translation>%1 versi %2 diperbarui dari berkas.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_editor.py" line="358"/>
        <source>%1 is already used by visits; the file was stored as version %2.</source>
        <translation>%1 sudah dipakai kunjungan; berkas disimpan sebagai versi %2.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_editor.py" line="360"/>
        <source>Imported %1 version %2.</source>
        <translation>%1 versi %2 diimpor.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_editor.py" line="377"/>
        <source>Template exported to %1.</source>
        <translation>Templat diekspor ke %1.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_editor.py" line="380"/>
        <source>Unsaved edits are not in the file; save first to include them.</source>
        <translation>Perubahan yang belum disimpan tidak ikut; simpan dulu agar ikut.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_editor.py" line="386"/>
        <source>Import checklist template</source>
        <translation>Impor templat daftar periksa</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_editor.py" line="396"/>
        <source>Export checklist template</source>
        <translation>Ekspor templat daftar periksa</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_editor.py" line="408"/>
        <source>Unsaved changes</source>
        <translation>Perubahan belum disimpan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_editor.py" line="409"/>
        <source>Discard the unsaved changes to this template?</source>
        <translation>Buang perubahan templat ini yang belum disimpan?</translation>
    </message>
</context>
<context>
    <name>TemplateNodeForm</name>
    <message>
        <location filename="../../ui/pages/template_node_form.py" line="59"/>
        <source>Critical: an answer that scores 0 fails the section</source>
        <translation>Kritis: jawaban bernilai 0 menggagalkan bagian</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_node_form.py" line="64"/>
        <source>Select a section or an item on the left to edit it.</source>
        <translation>Pilih bagian atau butir di sebelah kiri untuk mengubahnya.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_node_form.py" line="67"/>
        <source>Section</source>
        <translation>Bagian</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_node_form.py" line="69"/>
        <location filename="../../ui/pages/template_node_form.py" line="73"/>
        <source>Co&amp;de:</source>
        <translation>&amp;Kode:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_node_form.py" line="70"/>
        <source>T&amp;itle:</source>
        <translation>J&amp;udul:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_node_form.py" line="71"/>
        <source>Item</source>
        <translation>Butir</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_node_form.py" line="74"/>
        <source>Te&amp;xt:</source>
        <translation>T&amp;eks:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_node_form.py" line="75"/>
        <source>&amp;Guidance:</source>
        <translation>&amp;Petunjuk:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_node_form.py" line="76"/>
        <source>&amp;Answers:</source>
        <translation>Ja&amp;waban:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/template_node_form.py" line="77"/>
        <source>&amp;Weight:</source>
        <translation>&amp;Bobot:</translation>
    </message>
</context>
<context>
    <name>TemplateTreeModel</name>
    <message>
        <location filename="../../ui/models/template_tree_model.py" line="117"/>
        <source>New section</source>
        <translation>Bagian baru</translation>
    </message>
    <message>
        <location filename="../../ui/models/template_tree_model.py" line="129"/>
        <source>New item</source>
        <translation>Butir baru</translation>
    </message>
    <message>
        <location filename="../../ui/models/template_tree_model.py" line="221"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../ui/models/template_tree_model.py" line="221"/>
        <source>Section / item</source>
        <translation>Bagian / butir</translation>
    </message>
    <message>
        <location filename="../../ui/models/template_tree_model.py" line="221"/>
        <source>Weight</source>
        <translation>Bobot</translation>
    </message>
    <message>
        <location filename="../../ui/models/template_tree_model.py" line="238"/>
        <source>%1 items</source>
        <translation>%1 butir</translation>
    </message>
    <message>
        <location filename="../../ui/models/template_tree_model.py" line="252"/>
        <source>critical</source>
        <translation>kritis</translation>
    </message>
    <message>
        <location filename="../../ui/models/template_tree_model.py" line="256"/>
        <source>Critical item: an answer that scores 0 fails the whole section.</source>
        <translation>Butir kritis: jawaban bernilai 0 menggagalkan seluruh bagian.</translation>
    </message>
</context>
<context>
    <name>TicketTableModel</name>
    <message>
        <location filename="../../ui/models/ticket_table.py" line="111"/>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <location filename="../../ui/models/ticket_table.py" line="112"/>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location filename="../../ui/models/ticket_table.py" line="113"/>
        <source>Priority</source>
        <translation>Prioritas</translation>
    </message>
    <message>
        <location filename="../../ui/models/ticket_table.py" line="114"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/ticket_table.py" line="115"/>
        <source>Taken</source>
        <translation>Diambil</translation>
    </message>
    <message>
        <location filename="../../ui/models/ticket_table.py" line="116"/>
        <source>Counter</source>
        <translation>Loket</translation>
    </message>
    <message>
        <location filename="../../ui/models/ticket_table.py" line="117"/>
        <source>Printed</source>
        <translation>Dicetak</translation>
    </message>
</context>
<context>
    <name>VisitEditor</name>
    <message>
        <location filename="../../ui/pages/visit_editor.py" line="65"/>
        <source>Visits</source>
        <translation>Kunjungan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_editor.py" line="66"/>
        <source>Preview report</source>
        <translation>Pratinjau laporan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_editor.py" line="67"/>
        <source>Finalize…</source>
        <translation>Finalisasi…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_editor.py" line="68"/>
        <source>Reopen…</source>
        <translation>Buka kembali…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_editor.py" line="70"/>
        <source>Save identity</source>
        <translation>Simpan identitas</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_editor.py" line="96"/>
        <source>Identity</source>
        <translation>Identitas</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_editor.py" line="97"/>
        <source>Checklist</source>
        <translation>Daftar periksa</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_editor.py" line="98"/>
        <source>Findings and directions</source>
        <translation>Temuan dan arahan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_editor.py" line="99"/>
        <source>Photos</source>
        <translation>Foto</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_editor.py" line="144"/>
        <source>Visit</source>
        <translation>Kunjungan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_editor.py" line="187"/>
        <source>%1, version %2</source>
        <translation>%1, versi %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_editor.py" line="194"/>
        <source>%1 · conflict</source>
        <translation>%1 · konflik</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_editor.py" line="209"/>
        <source>Score %1</source>
        <translation>Nilai %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_editor.py" line="241"/>
        <source>Visit identity saved.</source>
        <translation>Identitas kunjungan disimpan.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_editor.py" line="252"/>
        <source>Not saved: correct the fields marked in red.</source>
        <translation>Belum disimpan: perbaiki isian yang ditandai merah.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_editor.py" line="263"/>
        <source>Add photo</source>
        <translation>Tambah foto</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_editor.py" line="265"/>
        <source>Images (*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff)</source>
        <translation>Gambar (*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_editor.py" line="282"/>
        <source>The visit report is not available in this version.</source>
        <translation>Laporan kunjungan belum tersedia pada versi ini.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_editor.py" line="286"/>
        <source>Preparing the report…</source>
        <translation>Menyiapkan laporan…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_editor.py" line="297"/>
        <source>Visit report — %1</source>
        <translation>Laporan kunjungan — %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_editor.py" line="313"/>
        <source>Finalize visit</source>
        <translation>Finalisasi kunjungan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_editor.py" line="315"/>
        <source>Finalize this visit? Answers, identity and photos are then locked; findings keep taking follow-up. The visit can be reopened later.</source>
        <translation>Finalisasi kunjungan ini? Jawaban, identitas dan foto lalu dikunci; temuan tetap dapat ditindaklanjuti. Kunjungan dapat dibuka kembali nanti.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_editor.py" line="328"/>
        <source>The visit is final. Findings can still take follow-up.</source>
        <translation>Kunjungan sudah final. Temuan tetap dapat ditindaklanjuti.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_editor.py" line="338"/>
        <source>Reopen visit</source>
        <translation>Buka kembali kunjungan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_editor.py" line="339"/>
        <source>Reopen this visit for changes? It becomes a draft again.</source>
        <translation>Buka kembali kunjungan ini untuk diubah? Statusnya kembali menjadi draf.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_editor.py" line="348"/>
        <source>The visit is a draft again.</source>
        <translation>Kunjungan kembali menjadi draf.</translation>
    </message>
</context>
<context>
    <name>VisitExchange</name>
    <message>
        <location filename="../../ui/pages/visit_exchange.py" line="35"/>
        <source>The file could not be read or written: %1</source>
        <translation>Berkas tidak dapat dibaca atau ditulis: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_exchange.py" line="40"/>
        <source>Export visit package</source>
        <translation>Ekspor paket kunjungan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_exchange.py" line="53"/>
        <source>Visit package written: %1 (%2 photos). Carry it on a USB stick or send it by e-mail.</source>
        <translation>Paket kunjungan ditulis: %1 (%2 foto). Bawa dengan flashdisk atau kirim lewat e-mail.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_exchange.py" line="60"/>
        <source>Import visit package</source>
        <translation>Impor paket kunjungan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_exchange.py" line="80"/>
        <source>Export office figures</source>
        <translation>Ekspor data pelayanan kantor</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_exchange.py" line="99"/>
        <source>Office figures for %1 months written to %2 (aggregates only, no names or NIKs).</source>
        <translation>Data pelayanan %1 bulan ditulis ke %2 (hanya agregat, tanpa nama atau NIK).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_exchange.py" line="106"/>
        <source>Import office figures</source>
        <translation>Impor data pelayanan kantor</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_exchange.py" line="120"/>
        <source>Figures of %1 imported: %2 months, %3 new or changed values.</source>
        <translation>Data %1 diimpor: %2 bulan, %3 nilai baru atau berubah.</translation>
    </message>
</context>
<context>
    <name>VisitIdentityForm</name>
    <message>
        <location filename="../../ui/pages/visit_identity.py" line="66"/>
        <source>e.g. Surat Tugas Kepala Kantor Wilayah No. …</source>
        <translation>mis. Surat Tugas Kepala Kantor Wilayah No. …</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_identity.py" line="67"/>
        <source>One purpose per line</source>
        <translation>Satu tujuan per baris</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_identity.py" line="96"/>
        <source>Office and dates</source>
        <translation>Kantor dan tanggal</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_identity.py" line="98"/>
        <source>Office &amp;code:</source>
        <translation>&amp;Kode kantor:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_identity.py" line="99"/>
        <source>Office &amp;name:</source>
        <translation>&amp;Nama kantor:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_identity.py" line="102"/>
        <source>until</source>
        <translation>s.d.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_identity.py" line="106"/>
        <source>&amp;Dates (DD/MM/YYYY):</source>
        <translation>&amp;Tanggal (HH/BB/TTTT):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_identity.py" line="109"/>
        <source>&amp;Place (city for signatures):</source>
        <translation>Tem&amp;pat (kota pada tanda tangan):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_identity.py" line="110"/>
        <source>Check&amp;list template:</source>
        <translation>TempTemp&amp;late daftar periksa:amp;lat daftar periksa:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_identity.py" line="112"/>
        <source>Supervision types</source>
        <translation>Bentuk pembinaan dan pengawasan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_identity.py" line="126"/>
        <source>Basis and purposes</source>
        <translation>Dasar dan tujuan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_identity.py" line="130"/>
        <source>&amp;Basis (letter of assignment, agenda):</source>
        <translation>&amp;Dasar (surat tugas, agenda):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_identity.py" line="132"/>
        <source>P&amp;urposes:</source>
        <translation>T&amp;ujuan:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_identity.py" line="134"/>
        <source>Supervising team</source>
        <translation>Tim supervisi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_identity.py" line="136"/>
        <source>Office representatives met</source>
        <translation>Pejabat kantor yang ditemui</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_identity.py" line="183"/>
        <source>Version %2: %1</source>
        <translation>Versi %2: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visit_identity.py" line="228"/>
        <source>Not a calendar date; type DD/MM/YYYY.</source>
        <translation>Bukan tanggal yang ada; ketik HH/BB/TTTT.</translation>
    </message>
</context>
<context>
    <name>VisitListModel</name>
    <message>
        <location filename="../../ui/models/visit_list_model.py" line="70"/>
        <source>%1 · conflict</source>
        <translation>%1 · konflik</translation>
    </message>
    <message>
        <location filename="../../ui/models/visit_list_model.py" line="88"/>
        <source>Office</source>
        <translation>Kantor</translation>
    </message>
    <message>
        <location filename="../../ui/models/visit_list_model.py" line="89"/>
        <source>Dates</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location filename="../../ui/models/visit_list_model.py" line="90"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/visit_list_model.py" line="91"/>
        <source>Total score</source>
        <translation>Nilai total</translation>
    </message>
    <message>
        <location filename="../../ui/models/visit_list_model.py" line="92"/>
        <source>Template</source>
        <translation>Templat</translation>
    </message>
    <message>
        <location filename="../../ui/models/visit_list_model.py" line="141"/>
        <source>version %1</source>
        <translation>versi %1</translation>
    </message>
</context>
<context>
    <name>VisitPanel</name>
    <message>
        <location filename="../../ui/pages/visit_panel.py" line="41"/>
        <source>Not saved: %1</source>
        <translation>Belum disimpan: %1</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <location filename="../../ui/pages/visits_page.py" line="47"/>
        <location filename="../../ui/pages/visits_page.py" line="99"/>
        <source>New visit</source>
        <translation>Kunjungan baru</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visits_page.py" line="49"/>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visits_page.py" line="52"/>
        <source>E&amp;xport package…</source>
        <translation>E&amp;kspor paket…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visits_page.py" line="53"/>
        <source>&amp;Import package…</source>
        <translation>&amp;Impor paket…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visits_page.py" line="54"/>
        <source>Import office &amp;figures…</source>
        <translation>Impor &amp;data kantor…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visits_page.py" line="55"/>
        <source>Export office fi&amp;gures…</source>
        <translation>Ekspor data ka&amp;ntor…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visits_page.py" line="56"/>
        <source>Checklist templates…</source>
        <translation>Templat daftar periksa…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visits_page.py" line="57"/>
        <source>No visits yet. Press Ctrl+N to start one.</source>
        <translation>Belum ada kunjungan. Tekan Ctrl+N untuk memulai.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visits_page.py" line="62"/>
        <source>Create visit</source>
        <translation>Buat kunjungan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visits_page.py" line="64"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visits_page.py" line="72"/>
        <source>Monev visits</source>
        <translation>Kunjungan monev</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visits_page.py" line="78"/>
        <source>Supervision visits (monev)</source>
        <translation>Kunjungan supervisi (monev)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visits_page.py" line="203"/>
        <source>Select a visit in the list first.</source>
        <translation>Pilih dulu kunjungan di daftar.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visits_page.py" line="247"/>
        <source>Visit created. Answer the checklist with the number keys.</source>
        <translation>Kunjungan dibuat. Jawab daftar periksa dengan tombol angka.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visits_page.py" line="254"/>
        <source>Not saved: %1</source>
        <translation>Belum disimpan: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visits_page.py" line="258"/>
        <source>Not saved: correct the fields marked in red.</source>
        <translation>Belum disimpan: perbaiki isian yang ditandai merah.</translation>
    </message>
</context>
</TS>
