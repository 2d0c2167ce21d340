/**
 * Texts of the public e-mail subscription pages (subscribe, confirm, unsubscribe) in the region's 9
 * languages. Written for this feature; to be reviewed by native speakers.
 */
import type { KbLanguage } from '../../domain/knowledge/knowledge-fields';

/** Every text of the subscription pages. */
export interface SubscribeLabels {
  title: string;
  intro: string;
  email: string;
  countries: string;
  language: string;
  submit: string;
  sent: string;
  privacy: string;
  confirmTitle: string;
  confirmText: string;
  confirmButton: string;
  confirmed: string;
  unsubscribeTitle: string;
  unsubscribeText: string;
  unsubscribeButton: string;
  unsubscribed: string;
  invalidLink: string;
  failed: string;
  needsScript: string;
}

export const SUBSCRIBE_LABELS: Record<KbLanguage, SubscribeLabels> = {
  en: {
    title: 'Child alerts by e-mail',
    intro: 'Receive an e-mail when a child alert is issued in the countries you choose. Every e-mail has a link to unsubscribe.',
    email: 'E-mail address', countries: 'Countries', language: 'Language of the e-mails', submit: 'Subscribe',
    sent: 'Thank you. If the address can receive alerts, a confirmation e-mail is on its way: open the link in it to start.',
    privacy: 'We keep your address encrypted and use it only for these alerts.',
    confirmTitle: 'Confirm your subscription', confirmText: 'Press the button to start receiving child alerts by e-mail.', confirmButton: 'Confirm',
    confirmed: 'Your subscription is confirmed.', unsubscribeTitle: 'Unsubscribe', unsubscribeText: 'Press the button to stop receiving child alerts by e-mail.',
    unsubscribeButton: 'Unsubscribe', unsubscribed: 'You will not receive child alerts by e-mail any more.',
    invalidLink: 'This link is not valid any more.', failed: 'Something went wrong. Please try again later.', needsScript: 'This button needs JavaScript.',
  },
  el: {
    title: 'Ειδοποιήσεις για παιδιά με e-mail',
    intro: 'Λάβετε e-mail όταν εκδίδεται ειδοποίηση για παιδί στις χώρες που επιλέγετε. Κάθε e-mail έχει σύνδεσμο κατάργησης συνδρομής.',
    email: 'Διεύθυνση e-mail', countries: 'Χώρες', language: 'Γλώσσα των e-mail', submit: 'Εγγραφή',
    sent: 'Ευχαριστούμε. Αν η διεύθυνση μπορεί να λάβει ειδοποιήσεις, ένα e-mail επιβεβαίωσης είναι καθ’ οδόν: ανοίξτε τον σύνδεσμο για να ξεκινήσετε.',
    privacy: 'Φυλάσσουμε τη διεύθυνσή σας κρυπτογραφημένη και τη χρησιμοποιούμε μόνο για αυτές τις ειδοποιήσεις.',
    confirmTitle: 'Επιβεβαίωση συνδρομής', confirmText: 'Πατήστε το κουμπί για να αρχίσετε να λαμβάνετε ειδοποιήσεις με e-mail.', confirmButton: 'Επιβεβαίωση',
    confirmed: 'Η συνδρομή σας επιβεβαιώθηκε.', unsubscribeTitle: 'Κατάργηση συνδρομής', unsubscribeText: 'Πατήστε το κουμπί για να σταματήσετε να λαμβάνετε ειδοποιήσεις με e-mail.',
    unsubscribeButton: 'Κατάργηση συνδρομής', unsubscribed: 'Δεν θα λαμβάνετε πλέον ειδοποιήσεις για παιδιά με e-mail.',
    invalidLink: 'Αυτός ο σύνδεσμος δεν ισχύει πλέον.', failed: 'Κάτι πήγε στραβά. Δοκιμάστε ξανά αργότερα.', needsScript: 'Αυτό το κουμπί χρειάζεται JavaScript.',
  },
  bg: {
    title: 'Сигнали за деца по имейл',
    intro: 'Получавайте имейл, когато бъде издаден сигнал за дете в избраните от вас държави. Всеки имейл съдържа връзка за отказ.',
    email: 'Имейл адрес', countries: 'Държави', language: 'Език на имейлите', submit: 'Абониране',
    sent: 'Благодарим. Ако адресът може да получава сигнали, изпратихме имейл за потвърждение: отворете връзката в него.',
    privacy: 'Пазим адреса ви криптиран и го използваме само за тези сигнали.',
    confirmTitle: 'Потвърдете абонамента', confirmText: 'Натиснете бутона, за да започнете да получавате сигнали по имейл.', confirmButton: 'Потвърждаване',
    confirmed: 'Абонаментът ви е потвърден.', unsubscribeTitle: 'Отказ от абонамент', unsubscribeText: 'Натиснете бутона, за да спрете да получавате сигнали по имейл.',
    unsubscribeButton: 'Отказ', unsubscribed: 'Повече няма да получавате сигнали за деца по имейл.',
    invalidLink: 'Тази връзка вече не е валидна.', failed: 'Нещо се обърка. Опитайте отново по-късно.', needsScript: 'Този бутон изисква JavaScript.',
  },
  ro: {
    title: 'Alerte pentru copii prin e-mail',
    intro: 'Primiți un e-mail când este emisă o alertă pentru un copil în țările alese. Fiecare e-mail conține un link de dezabonare.',
    email: 'Adresa de e-mail', countries: 'Țări', language: 'Limba e-mailurilor', submit: 'Abonare',
    sent: 'Vă mulțumim. Dacă adresa poate primi alerte, un e-mail de confirmare este pe drum: deschideți linkul din el.',
    privacy: 'Păstrăm adresa criptată și o folosim doar pentru aceste alerte.',
    confirmTitle: 'Confirmați abonarea', confirmText: 'Apăsați butonul pentru a începe să primiți alerte prin e-mail.', confirmButton: 'Confirmare',
    confirmed: 'Abonarea este confirmată.', unsubscribeTitle: 'Dezabonare', unsubscribeText: 'Apăsați butonul pentru a nu mai primi alerte prin e-mail.',
    unsubscribeButton: 'Dezabonare', unsubscribed: 'Nu veți mai primi alerte pentru copii prin e-mail.',
    invalidLink: 'Acest link nu mai este valabil.', failed: 'Ceva nu a mers. Încercați din nou mai târziu.', needsScript: 'Acest buton necesită JavaScript.',
  },
  sl: {
    title: 'Opozorila o otrocih po e-pošti',
    intro: 'Prejmite e-pošto, ko je v izbranih državah izdano opozorilo o otroku. Vsako sporočilo ima povezavo za odjavo.',
    email: 'E-poštni naslov', countries: 'Države', language: 'Jezik sporočil', submit: 'Naroči se',
    sent: 'Hvala. Če naslov lahko prejema opozorila, je potrditveno sporočilo na poti: odprite povezavo v njem.',
    privacy: 'Vaš naslov hranimo šifriran in ga uporabljamo samo za ta opozorila.',
    confirmTitle: 'Potrdite naročnino', confirmText: 'Pritisnite gumb, da začnete prejemati opozorila po e-pošti.', confirmButton: 'Potrdi',
    confirmed: 'Vaša naročnina je potrjena.', unsubscribeTitle: 'Odjava', unsubscribeText: 'Pritisnite gumb, da ne boste več prejemali opozoril po e-pošti.',
    unsubscribeButton: 'Odjava', unsubscribed: 'Opozoril o otrocih po e-pošti ne boste več prejemali.',
    invalidLink: 'Ta povezava ni več veljavna.', failed: 'Prišlo je do napake. Poskusite znova pozneje.', needsScript: 'Ta gumb potrebuje JavaScript.',
  },
  sr: {
    title: 'Upozorenja o deci e-poštom',
    intro: 'Primite e-poruku kada se u izabranim zemljama izda upozorenje o detetu. Svaka poruka ima link za odjavu.',
    email: 'Adresa e-pošte', countries: 'Zemlje', language: 'Jezik poruka', submit: 'Pretplati se',
    sent: 'Hvala. Ako adresa može da prima upozorenja, poruka za potvrdu je poslata: otvorite link u njoj.',
    privacy: 'Vašu adresu čuvamo šifrovanu i koristimo je samo za ova upozorenja.',
    confirmTitle: 'Potvrdite pretplatu', confirmText: 'Pritisnite dugme da biste počeli da primate upozorenja e-poštom.', confirmButton: 'Potvrdi',
    confirmed: 'Vaša pretplata je potvrđena.', unsubscribeTitle: 'Odjava', unsubscribeText: 'Pritisnite dugme da više ne primate upozorenja e-poštom.',
    unsubscribeButton: 'Odjavi se', unsubscribed: 'Više nećete primati upozorenja o deci e-poštom.',
    invalidLink: 'Ovaj link više nije važeći.', failed: 'Nešto nije u redu. Pokušajte ponovo kasnije.', needsScript: 'Ovo dugme zahteva JavaScript.',
  },
  uk: {
    title: 'Сповіщення про дітей електронною поштою',
    intro: 'Отримуйте лист, коли у вибраних країнах оголошено сповіщення про дитину. Кожен лист має посилання для відписки.',
    email: 'Адреса електронної пошти', countries: 'Країни', language: 'Мова листів', submit: 'Підписатися',
    sent: 'Дякуємо. Якщо адреса може отримувати сповіщення, лист для підтвердження вже надіслано: відкрийте посилання в ньому.',
    privacy: 'Ми зберігаємо вашу адресу зашифрованою і використовуємо лише для цих сповіщень.',
    confirmTitle: 'Підтвердьте підписку', confirmText: 'Натисніть кнопку, щоб почати отримувати сповіщення електронною поштою.', confirmButton: 'Підтвердити',
    confirmed: 'Вашу підписку підтверджено.', unsubscribeTitle: 'Відписка', unsubscribeText: 'Натисніть кнопку, щоб більше не отримувати сповіщення електронною поштою.',
    unsubscribeButton: 'Відписатися', unsubscribed: 'Ви більше не отримуватимете сповіщення про дітей електронною поштою.',
    invalidLink: 'Це посилання більше не дійсне.', failed: 'Щось пішло не так. Спробуйте пізніше.', needsScript: 'Ця кнопка потребує JavaScript.',
  },
  hu: {
    title: 'Gyermekriasztások e-mailben',
    intro: 'Kapjon e-mailt, ha a választott országokban gyermekriasztást adnak ki. Minden e-mailben van leiratkozási hivatkozás.',
    email: 'E-mail-cím', countries: 'Országok', language: 'Az e-mailek nyelve', submit: 'Feliratkozás',
    sent: 'Köszönjük. Ha a cím kaphat riasztásokat, a megerősítő e-mail úton van: nyissa meg a benne lévő hivatkozást.',
    privacy: 'Címét titkosítva tároljuk, és csak ezekhez a riasztásokhoz használjuk.',
    confirmTitle: 'Feliratkozás megerősítése', confirmText: 'Nyomja meg a gombot, hogy e-mailben megkapja a riasztásokat.', confirmButton: 'Megerősítés',
    confirmed: 'Feliratkozását megerősítettük.', unsubscribeTitle: 'Leiratkozás', unsubscribeText: 'Nyomja meg a gombot, hogy ne kapjon több riasztást e-mailben.',
    unsubscribeButton: 'Leiratkozás', unsubscribed: 'Többé nem kap gyermekriasztást e-mailben.',
    invalidLink: 'Ez a hivatkozás már nem érvényes.', failed: 'Hiba történt. Próbálja újra később.', needsScript: 'Ehhez a gombhoz JavaScript szükséges.',
  },
  ru: {
    title: 'Оповещения о детях по электронной почте',
    intro: 'Получайте письмо, когда в выбранных странах объявлено оповещение о ребёнке. В каждом письме есть ссылка для отписки.',
    email: 'Адрес электронной почты', countries: 'Страны', language: 'Язык писем', submit: 'Подписаться',
    sent: 'Спасибо. Если адрес может получать оповещения, письмо для подтверждения уже отправлено: откройте ссылку в нём.',
    privacy: 'Мы храним ваш адрес в зашифрованном виде и используем его только для этих оповещений.',
    confirmTitle: 'Подтвердите подписку', confirmText: 'Нажмите кнопку, чтобы начать получать оповещения по электронной почте.', confirmButton: 'Подтвердить',
    confirmed: 'Ваша подписка подтверждена.', unsubscribeTitle: 'Отписка', unsubscribeText: 'Нажмите кнопку, чтобы больше не получать оповещения по электронной почте.',
    unsubscribeButton: 'Отписаться', unsubscribed: 'Вы больше не будете получать оповещения о детях по электронной почте.',
    invalidLink: 'Эта ссылка больше не действительна.', failed: 'Что-то пошло не так. Попробуйте позже.', needsScript: 'Для этой кнопки нужен JavaScript.',
  },
};
