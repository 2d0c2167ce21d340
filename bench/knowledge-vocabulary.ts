/**
 * Word lists of the knowledge search benchmark, per language: function words (frequent, partly stop words),
 * the vocabulary of trafficking and child protection texts (most frequent first), and the syllables of
 * invented long-tail words in the language's script. Real words so stemmers, accents and scripts behave as
 * in real articles; the long tail gives the lexicon and the index a realistic number of distinct words.
 */
import type { KbLanguage } from '../src/domain/knowledge/knowledge-fields';

/** The word lists of one language. */
export interface Vocabulary {
  functionWords: string[];
  domain: string[];
  syllables: string[];
}

const w = (s: string) => s.trim().split(/\s+/);

/** Vocabulary per knowledge-base language (Serbian in Latin script; half the Serbian articles are transliterated). */
export const VOCABULARY: Record<KbLanguage, Vocabulary> = {
  en: {
    functionWords: w('the of and to in for with a is are on by at from that this can be or an as their it must when who'),
    domain: w(`trafficking children child victim victims exploitation labour sexual referral mechanism national protection police
      prosecutor shelter assistance identification recruitment online social services helpline hotline missing report border family
      parents school safety support counselling rights law convention directive protocol court investigation evidence interview
      guardian consent age minor minors abuse violence forced begging marriage domestic servitude organ adoption agency coordinator
      office procedure case information professional training indicators risk migration migrant asylum unaccompanied employment
      employer contract debt passport document travel abroad recruiter network internet platform message phone call emergency health
      medical psychological legal aid compensation return reintegration cooperation international regional crossborder partner
      organisation response steps`),
    syllables: w('bar ten lo mis cra vel don pri sta ker wor fin gal mon tre sil dar pen cor lum'),
  },
  el: {
    functionWords: w('ο η το και να σε για με από που είναι των τα οι στο στη ένα μια ή δεν θα όταν'),
    domain: w(`εμπορία ανθρώπων παιδιά παιδί θύμα θύματα εκμετάλλευση εργασία σεξουαλική παραπομπή μηχανισμός εθνικός προστασία
      αστυνομία εισαγγελέας ξενώνας βοήθεια αναγνώριση στρατολόγηση διαδίκτυο κοινωνικές υπηρεσίες γραμμή εξαφάνιση αναφορά σύνορα
      οικογένεια γονείς σχολείο ασφάλεια υποστήριξη συμβουλευτική δικαιώματα νόμος σύμβαση οδηγία πρωτόκολλο δικαστήριο έρευνα
      στοιχεία συνέντευξη επίτροπος συναίνεση ηλικία ανήλικος ανήλικοι κακοποίηση βία αναγκαστική επαιτεία γάμος οικιακή δουλεία
      όργανα υιοθεσία φορέας συντονιστής γραφείο διαδικασία υπόθεση πληροφορίες επαγγελματίας εκπαίδευση ενδείξεις κίνδυνος
      μετανάστευση μετανάστης άσυλο ασυνόδευτος απασχόληση εργοδότης χρέος διαβατήριο έγγραφο ταξίδι εξωτερικό δίκτυο πλατφόρμα
      μήνυμα τηλέφωνο κλήση έκτακτη υγεία ιατρική ψυχολογική νομική αποζημίωση επιστροφή επανένταξη συνεργασία διεθνής
      περιφερειακή διασυνοριακή οργάνωση απάντηση βήματα Παραπομπής Μηχανισμού θυμάτων`),
    syllables: w('κα λο μι ρα τε πο νι σα δο βε ρου ζε μπο φι γου χα γε κο λου μα'),
  },
  bg: {
    functionWords: w('и на в за с от да се е са по че не как това които при или към'),
    domain: w(`трафик трафикът хора деца детето дете жертва жертви жертвите експлоатация труд трудова сексуална насочване механизъм
      национален национална закрила полиция прокурор приют помощ идентифициране вербуване интернет социални услуги телефон линия
      изчезнали сигнал граница семейство родители училище безопасност подкрепа консултиране права закон конвенция директива
      протокол съд разследване доказателства разпит настойник съгласие възраст непълнолетен непълнолетни насилие принудителна
      просия брак домашно робство органи осиновяване агенция координатор служба процедура случай информация специалист обучение
      индикатори риск миграция мигранти убежище непридружени работа работодател договор дълг паспорт документ пътуване чужбина
      мрежа платформа съобщение обаждане спешна здраве медицинска психологическа правна обезщетение връщане реинтеграция
      сътрудничество международно регионално трансгранично партньори организация отговор стъпки трафиканти`),
    syllables: w('ка ло ми ра те по ни са до ве ру зе бо фи гу ха же ко лу ма'),
  },
  ro: {
    functionWords: w('și de la în pentru cu din care este sunt pe că nu un o ale al sau prin când'),
    domain: w(`traficul trafic persoane copii copil victimă victime victimele exploatare muncă sexuală referire mecanismul național
      naționale protecție poliție procuror adăpost asistență identificare recrutare internet servicii sociale linie telefonică
      dispăruți sesizare frontieră familie părinți școală siguranță sprijin consiliere drepturi lege convenție directivă protocol
      instanță anchetă probe audiere tutore consimțământ vârstă minor minori abuz violență forțată cerșetorie căsătorie domestică
      servitute organe adopție agenția coordonator birou procedură caz informații profesioniști formare indicatori risc migrație
      migranți azil neînsoțiți angajare angajator contract datorie pașaport document călătorie străinătate rețea platformă mesaj
      apel urgență sănătate medicală psihologică juridică despăgubire întoarcere reintegrare cooperare internațională regională
      transfrontalieră parteneri organizație răspuns pași`),
    syllables: w('ca lo mi ră te po ni sa do ve ru ze bo fi gu ha je co lu ma'),
  },
  sl: {
    functionWords: w('in je v za na z se da so ki ne kot pri od ali po to do'),
    domain: w(`trgovina trgovine ljudmi otroci otrok žrtev žrtve žrtvam izkoriščanje delo spolno napotitev mehanizem nacionalni
      zaščita policija tožilec zatočišče pomoč identifikacija novačenje internet socialne službe telefon linija pogrešani prijava
      meja družina starši šola varnost podpora svetovanje pravice zakon konvencija direktiva protokol sodišče preiskava dokazi
      zaslišanje skrbnik soglasje starost mladoletnik mladoletniki zloraba nasilje prisilno beračenje poroka gospodinjsko
      suženjstvo organi posvojitev agencija koordinator urad postopek primer informacije strokovnjaki usposabljanje kazalniki
      tveganje migracije migranti azil nespremljeni zaposlitev delodajalec pogodba dolg potni list dokument potovanje tujina
      omrežje platforma sporočilo klic nujno zdravje zdravstvena psihološka pravna odškodnina vrnitev reintegracija sodelovanje
      mednarodno regionalno čezmejno partnerji organizacija odgovor koraki`),
    syllables: w('ka lo mi ra te po ni sa do ve ru že bo fi gu ha je ko lu ma'),
  },
  sr: {
    functionWords: w('i u na za sa se da je su od koji ne kao pri ili po to do'),
    domain: w(`trgovina trgovine ljudima deca dete žrtva žrtve žrtava eksploatacija rad seksualna upućivanje mehanizam nacionalni
      zaštita policija tužilac sklonište pomoć identifikacija vrbovanje internet socijalne službe telefon linija nestala prijava
      granica porodica roditelji škola bezbednost podrška savetovanje prava zakon konvencija direktiva protokol sud istraga dokazi
      razgovor staratelj saglasnost uzrast maloletnik maloletnici zlostavljanje nasilje prinudno prosjačenje brak kućno ropstvo
      organi usvojenje agencija koordinator kancelarija postupak slučaj informacije stručnjaci obuka indikatori rizik migracije
      migranti azil nepraćeni zaposlenje poslodavac ugovor dug pasoš dokument putovanje inostranstvo mreža platforma poruka poziv
      hitno zdravlje medicinska psihološka pravna naknada povratak reintegracija saradnja međunarodna regionalna prekogranična
      partneri organizacija odgovor koraci upućivanja`),
    syllables: w('ka lo mi ra te po ni sa do ve ru že bo fi gu ha je ko lu ma'),
  },
  uk: {
    functionWords: w('і в на для з від що це як не до або при та які їх є'),
    domain: w(`торгівля торгівлі людьми діти дитина жертва жертви жертвами експлуатація праця сексуальна направлення механізм
      національний захист поліція прокурор притулок допомога ідентифікація вербування інтернет соціальні служби телефон лінія
      зниклі повідомлення кордон родина батьки школа безпека підтримка консультування права закон конвенція директива протокол
      суд розслідування докази допит опікун згода вік неповнолітній неповнолітні насильство примусове жебрацтво шлюб домашнє
      рабство органи усиновлення агентство координатор офіс процедура випадок інформація фахівці навчання індикатори ризик
      міграція мігранти несупроводжувані працевлаштування роботодавець договір борг паспорт документ подорож кордоном мережа
      платформа дзвінок екстрена лікування медична психологічна правова компенсація повернення реінтеграція співпраця міжнародна
      регіональна транскордонна партнери організація відповідь кроки`),
    syllables: w('ка ло мі ра те по ні са до ве ру зе бо фі гу ха же ко лу ма'),
  },
  hu: {
    functionWords: w('a az és hogy nem is egy meg de van csak vagy mint ha még már el'),
    domain: w(`emberkereskedelem gyermekek gyermek áldozat áldozatok kizsákmányolás munka szexuális irányítás mechanizmus nemzeti
      védelem rendőrség ügyész menedékház segítség azonosítás toborzás internet szociális szolgáltatások telefon vonal eltűnt
      bejelentés határ család szülők iskola biztonság támogatás tanácsadás jogok törvény egyezmény irányelv jegyzőkönyv bíróság
      nyomozás bizonyítékok meghallgatás gyám beleegyezés életkor kiskorú kiskorúak bántalmazás erőszak kényszer koldulás
      házasság háztartási szolgaság szervek örökbefogadás ügynökség koordinátor iroda eljárás ügy információ szakemberek képzés
      jelek kockázat migráció migránsok menedékjog kíséret nélküli foglalkoztatás munkáltató szerződés adósság útlevél
      dokumentum utazás külföld hálózat platform üzenet hívás sürgős egészség orvosi pszichológiai jogi kártérítés visszatérés
      reintegráció együttműködés nemzetközi regionális határokon partnerek szervezet válasz lépések`),
    syllables: w('ka lo mi ra te po ni sza do ve ru ze bo fi gu ha je ko lu ma'),
  },
  ru: {
    functionWords: w('и в на для с от что это как не по к или при их из у за'),
    domain: w(`торговля торговли людьми дети ребёнок жертва жертвы жертвам эксплуатация труд сексуальная направление механизм
      национальный защита полиция прокурор приют помощь идентификация вербовка интернет социальные службы телефон линия
      пропавшие сообщение граница семья родители школа безопасность поддержка консультирование права закон конвенция директива
      протокол суд расследование доказательства допрос опекун согласие возраст несовершеннолетний несовершеннолетние насилие
      принудительное попрошайничество брак домашнее рабство органы усыновление агентство координатор офис процедура случай
      информация специалисты обучение индикаторы риск миграция мигранты убежище несопровождаемые трудоустройство работодатель
      договор долг паспорт документ поездка границей сеть платформа звонок экстренная здоровье медицинская психологическая
      правовая компенсация возвращение реинтеграция сотрудничество международное региональное трансграничное партнёры
      организация ответ шаги`),
    syllables: w('ка ло ми ра те по ни са до ве ру зе бо фи гу ха же ко лу ма'),
  },
};

// Latin -> Serbian Cyrillic (digraphs first), for the half of the Serbian articles written in Cyrillic.
const LATIN_DIGRAPHS: [string, string][] = [['lj', 'љ'], ['nj', 'њ'], ['dž', 'џ']];
const LATIN_LETTERS: Record<string, string> = {
  a: 'а', b: 'б', v: 'в', g: 'г', d: 'д', đ: 'ђ', e: 'е', ž: 'ж', z: 'з', i: 'и', j: 'ј', k: 'к', l: 'л', m: 'м', n: 'н',
  o: 'о', p: 'п', r: 'р', s: 'с', t: 'т', ć: 'ћ', u: 'у', f: 'ф', h: 'х', c: 'ц', č: 'ч', š: 'ш',
};

/** Serbian Latin to Cyrillic (lower and upper case). */
export function toSerbianCyrillic(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const two = text.slice(i, i + 2);
    const digraph = LATIN_DIGRAPHS.find(([l]) => l === two.toLowerCase());
    if (digraph) {
      out += two[0] === two[0]!.toLowerCase() ? digraph[1] : digraph[1].toUpperCase();
      i += 1;
      continue;
    }
    const ch = text[i]!;
    const cyr = LATIN_LETTERS[ch.toLowerCase()];
    out += cyr === undefined ? ch : ch === ch.toLowerCase() ? cyr : cyr.toUpperCase();
  }
  return out;
}
