/**
 * Texts of the e-mails sent to public alert subscribers, in the 9 languages of the region.
 * Translations were written for this feature and should be reviewed by native speakers.
 */
import type { KbLanguage } from '../domain/knowledge/knowledge-fields';

/** Every text of the subscriber e-mails. */
export interface AlertMailLabels {
  confirmSubject: string;
  confirmIntro: string;
  confirmAction: string;
  confirmIgnore: string;
  alreadySubject: string;
  alreadyIntro: string;
  alertSubjectPrefix: string;
  moreInfo: string;
  capDocument: string;
  call: string;
  why: string;
  unsubscribe: string;
}

export const ALERT_MAIL_LABELS: Record<KbLanguage, AlertMailLabels> = {
  en: {
    confirmSubject: 'Confirm your child alert subscription',
    confirmIntro: 'Someone (hopefully you) asked to receive child alerts by e-mail for: {countries}.',
    confirmAction: 'To confirm, open this link and press the button:',
    confirmIgnore: 'If you did not ask for this, ignore this message: nothing will be sent.',
    alreadySubject: 'You already receive child alerts',
    alreadyIntro: 'This address already receives child alerts. To change the countries, unsubscribe and subscribe again.',
    alertSubjectPrefix: 'Child alert',
    moreInfo: 'Photo, description and what to do',
    capDocument: 'Alert document (CAP)',
    call: 'If you have seen the child, call 116 000 or 112 at once.',
    why: 'You receive this e-mail because you subscribed to child alerts.',
    unsubscribe: 'Unsubscribe',
  },
  el: {
    confirmSubject: 'Επιβεβαιώστε τη συνδρομή σας στις ειδοποιήσεις για παιδιά',
    confirmIntro: 'Κάποιος (ελπίζουμε εσείς) ζήτησε να λαμβάνει ειδοποιήσεις για παιδιά με e-mail για: {countries}.',
    confirmAction: 'Για επιβεβαίωση, ανοίξτε αυτόν τον σύνδεσμο και πατήστε το κουμπί:',
    confirmIgnore: 'Αν δεν το ζητήσατε εσείς, αγνοήστε αυτό το μήνυμα: δεν θα σταλεί τίποτα.',
    alreadySubject: 'Λαμβάνετε ήδη ειδοποιήσεις για παιδιά',
    alreadyIntro: 'Αυτή η διεύθυνση λαμβάνει ήδη ειδοποιήσεις. Για να αλλάξετε χώρες, καταργήστε τη συνδρομή και εγγραφείτε ξανά.',
    alertSubjectPrefix: 'Ειδοποίηση για παιδί',
    moreInfo: 'Φωτογραφία, περιγραφή και τι να κάνετε',
    capDocument: 'Έγγραφο ειδοποίησης (CAP)',
    call: 'Αν είδατε το παιδί, καλέστε αμέσως το 116 000 ή το 112.',
    why: 'Λαμβάνετε αυτό το e-mail επειδή εγγραφήκατε στις ειδοποιήσεις για παιδιά.',
    unsubscribe: 'Κατάργηση συνδρομής',
  },
  bg: {
    confirmSubject: 'Потвърдете абонамента си за сигнали за деца',
    confirmIntro: 'Някой (надяваме се вие) поиска да получава сигнали за деца по имейл за: {countries}.',
    confirmAction: 'За да потвърдите, отворете тази връзка и натиснете бутона:',
    confirmIgnore: 'Ако не сте поискали това, пренебрегнете съобщението: нищо няма да бъде изпратено.',
    alreadySubject: 'Вече получавате сигнали за деца',
    alreadyIntro: 'Този адрес вече получава сигнали. За да смените държавите, откажете се и се абонирайте отново.',
    alertSubjectPrefix: 'Сигнал за дете',
    moreInfo: 'Снимка, описание и какво да направите',
    capDocument: 'Документ на сигнала (CAP)',
    call: 'Ако сте видели детето, обадете се веднага на 116 000 или 112.',
    why: 'Получавате този имейл, защото сте се абонирали за сигнали за деца.',
    unsubscribe: 'Отказ от абонамент',
  },
  ro: {
    confirmSubject: 'Confirmați abonarea la alertele pentru copii',
    confirmIntro: 'Cineva (sperăm că dumneavoastră) a cerut să primească alerte pentru copii prin e-mail pentru: {countries}.',
    confirmAction: 'Pentru a confirma, deschideți acest link și apăsați butonul:',
    confirmIgnore: 'Dacă nu ați cerut acest lucru, ignorați mesajul: nu se va trimite nimic.',
    alreadySubject: 'Primiți deja alerte pentru copii',
    alreadyIntro: 'Această adresă primește deja alerte. Pentru a schimba țările, dezabonați-vă și abonați-vă din nou.',
    alertSubjectPrefix: 'Alertă copil',
    moreInfo: 'Fotografie, descriere și ce trebuie să faceți',
    capDocument: 'Documentul alertei (CAP)',
    call: 'Dacă ați văzut copilul, sunați imediat la 116 000 sau 112.',
    why: 'Primiți acest e-mail pentru că v-ați abonat la alertele pentru copii.',
    unsubscribe: 'Dezabonare',
  },
  sl: {
    confirmSubject: 'Potrdite naročnino na opozorila o otrocih',
    confirmIntro: 'Nekdo (upamo, da vi) je zaprosil za prejemanje opozoril o otrocih po e-pošti za: {countries}.',
    confirmAction: 'Za potrditev odprite to povezavo in pritisnite gumb:',
    confirmIgnore: 'Če tega niste zahtevali vi, sporočilo prezrite: nič ne bo poslano.',
    alreadySubject: 'Opozorila o otrocih že prejemate',
    alreadyIntro: 'Ta naslov opozorila že prejema. Za spremembo držav se odjavite in znova prijavite.',
    alertSubjectPrefix: 'Opozorilo o otroku',
    moreInfo: 'Fotografija, opis in kaj storiti',
    capDocument: 'Dokument opozorila (CAP)',
    call: 'Če ste otroka videli, takoj pokličite 116 000 ali 112.',
    why: 'To e-pošto prejemate, ker ste se naročili na opozorila o otrocih.',
    unsubscribe: 'Odjava',
  },
  sr: {
    confirmSubject: 'Potvrdite pretplatu na upozorenja o deci',
    confirmIntro: 'Neko (nadamo se vi) je zatražio da prima upozorenja o deci e-poštom za: {countries}.',
    confirmAction: 'Da biste potvrdili, otvorite ovaj link i pritisnite dugme:',
    confirmIgnore: 'Ako ovo niste tražili, zanemarite poruku: ništa neće biti poslato.',
    alreadySubject: 'Već primate upozorenja o deci',
    alreadyIntro: 'Ova adresa već prima upozorenja. Da biste promenili zemlje, odjavite se i ponovo prijavite.',
    alertSubjectPrefix: 'Upozorenje o detetu',
    moreInfo: 'Fotografija, opis i šta da uradite',
    capDocument: 'Dokument upozorenja (CAP)',
    call: 'Ako ste videli dete, odmah pozovite 116 000 ili 112.',
    why: 'Ovu poruku primate jer ste se pretplatili na upozorenja o deci.',
    unsubscribe: 'Odjava',
  },
  uk: {
    confirmSubject: 'Підтвердьте підписку на сповіщення про дітей',
    confirmIntro: 'Хтось (сподіваємося, ви) попросив отримувати сповіщення про дітей електронною поштою для: {countries}.',
    confirmAction: 'Щоб підтвердити, відкрийте це посилання і натисніть кнопку:',
    confirmIgnore: 'Якщо ви цього не просили, проігноруйте лист: нічого не буде надіслано.',
    alreadySubject: 'Ви вже отримуєте сповіщення про дітей',
    alreadyIntro: 'Ця адреса вже отримує сповіщення. Щоб змінити країни, відпишіться і підпишіться знову.',
    alertSubjectPrefix: 'Сповіщення про дитину',
    moreInfo: 'Фото, опис і що робити',
    capDocument: 'Документ сповіщення (CAP)',
    call: 'Якщо ви бачили дитину, негайно телефонуйте 116 000 або 112.',
    why: 'Ви отримуєте цей лист, бо підписалися на сповіщення про дітей.',
    unsubscribe: 'Відписатися',
  },
  hu: {
    confirmSubject: 'Erősítse meg feliratkozását a gyermekriasztásokra',
    confirmIntro: 'Valaki (reméljük, Ön) kérte, hogy e-mailben kapjon gyermekriasztásokat a következőkre: {countries}.',
    confirmAction: 'A megerősítéshez nyissa meg ezt a hivatkozást, és nyomja meg a gombot:',
    confirmIgnore: 'Ha nem Ön kérte, hagyja figyelmen kívül ezt az üzenetet: semmit sem küldünk.',
    alreadySubject: 'Ön már kap gyermekriasztásokat',
    alreadyIntro: 'Ez a cím már kap riasztásokat. Az országok módosításához iratkozzon le, majd iratkozzon fel újra.',
    alertSubjectPrefix: 'Gyermekriasztás',
    moreInfo: 'Fénykép, leírás és teendők',
    capDocument: 'A riasztás dokumentuma (CAP)',
    call: 'Ha látta a gyermeket, azonnal hívja a 116 000 vagy a 112 számot.',
    why: 'Azért kapja ezt az e-mailt, mert feliratkozott a gyermekriasztásokra.',
    unsubscribe: 'Leiratkozás',
  },
  ru: {
    confirmSubject: 'Подтвердите подписку на оповещения о детях',
    confirmIntro: 'Кто-то (надеемся, вы) попросил получать оповещения о детях по электронной почте для: {countries}.',
    confirmAction: 'Чтобы подтвердить, откройте эту ссылку и нажмите кнопку:',
    confirmIgnore: 'Если вы этого не просили, проигнорируйте письмо: ничего не будет отправлено.',
    alreadySubject: 'Вы уже получаете оповещения о детях',
    alreadyIntro: 'Этот адрес уже получает оповещения. Чтобы сменить страны, отпишитесь и подпишитесь снова.',
    alertSubjectPrefix: 'Оповещение о ребёнке',
    moreInfo: 'Фото, описание и что делать',
    capDocument: 'Документ оповещения (CAP)',
    call: 'Если вы видели ребёнка, немедленно звоните 116 000 или 112.',
    why: 'Вы получаете это письмо, потому что подписались на оповещения о детях.',
    unsubscribe: 'Отписаться',
  },
};
