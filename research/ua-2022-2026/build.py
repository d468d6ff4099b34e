# Builds the CSV files of this batch from the records below (every excerpt copied from the search tool's output).
import csv, os, sys

D = os.path.dirname(os.path.abspath(__file__))

# url keys
U = {
 'rbc22': 'https://amp.rbc.ru/regional/nn/freenews/62a322ae9a7947f3ce3c9ff9',
 'rusk': 'https://rusk.ru/newsdata.php?idar=115169',
 'rppl': 'https://www.rp.pl/konflikty-zbrojne/art36487041-zelenski-nalozyl-sankcje-na-rosyjska-wierchuszke-i-236-uczelni',
 'argum': 'https://argumenti.ru/world/2022/06/775552/amp',
 'upe230107': 'https://www.pravda.com.ua/eng/news/2023/01/7/7383929/',
 'inforesist': 'https://inforesist.com.ua/zelenskij-vvel-sankczii-protiv-198-deyatelej-mediasfery-i-kultury-iz-rossii-ukrainy-i-belarusi',
 'news360': 'https://news360.es/?p=154052',
 'ukrnach': 'https://ukraine-nachrichten.de/gegen-teilnehmer-transporten-russischem-milit%C3%A4rger%C3%A4t-soldaten-wurden-sanktionen-verh%C3%A4ngt_12590/amp',
 'zaman': 'https://www.zaman.mk/en/world/47106-zelensky-slams-sanctions-on-185-companies-people-backing-moscow.html',
 'blitz': 'https://www.weeklyblitz.net/news/zelensky-imposes-sanctions-against-the-russian-lottery-and-bookmakers/',
 'ifx89': 'https://en.interfax.com.ua/news/economic/893126.html',
 'upe230222': 'https://www.pravda.com.ua/eng/news/2023/02/22/7390462/',
 'ki230222': 'https://kyivindependent.com/zelensky-submits-resolution-sanctioning-all-russian-financial-institutions',
 'upe230223': 'https://www.pravda.com.ua/eng/news/2023/02/23/7390672/',
 'topky': 'https://www.topky.sk/cl/11/2475431/Ukrajina-uvalia-sankcie-na-dcery-zakladatela-Wagnerovej-skupiny-Polinu-a-Veroniku--ako-aj-na-viacerych-sportovcov',
 'kmu': 'https://www.kmu.gov.ua/en/news/kozhen-khto-povynen-v-zlochynakh-proty-dytynstva-bude-pokaranyi-iuliia-svyrydenko-pro-novi-sanktsii-zaprovadzheni-ukazom-prezydenta',
 'rfero': 'https://romania.europalibera.org/a/zelenski-sanctiuni-jocuri-noroc/32313931.html',
 'adjara': 'https://adjaratv.ge/article/111364',
 'ukrinde': 'https://www.ukrinform.de/amp/rubric-economy/3684250-selenskyj-setzte-beschluss-von-nationalen-sicherheitsrat-uber-sanktionen-gegen-einzelpersonen-und-organisationen-in-kraft.html',
 'tech24': 'https://technisch24.com/leben/selenski-verhaengt-sanktionen-gegen-den-syrischen-praesidenten-assad/',
 'gordon': 'https://gordonua.com/news/war/zelenskiy-ukrainskie-sankcii-eto-chast-globalnogo-davleniya-na-rossiyu-1655378.html',
 'topor': 'https://topor.od.ua/zelenskij-zatverdiv-sankciyi-proti-rf-i-bilorusi/',
 'onlua340': 'https://news.online.ua/en/zelensky-introduced-sanctions-against-a-number-of-russian-mass-media-879087',
 'nro340': 'https://newsreadonline.com/zelenskyj-ha-firmato-un-decreto-che-impone-sanzioni-contro-una-serie-di-media-russi-chi-era-incluso-nella-lista',
 'unnavia': 'https://unn.ua/en/news/zelensky-imposes-new-sanctions-against-collaborators-and-supporters-of-russian-aviation',
 'buna': 'https://bunatimes.com/world/318500.html',
 'tva': 'https://tva.ua/2025/01/19/prezydent-ukrainy-volodymyr-zelenskyj-uviv-u-diiu-rishennia-rnbo-pro-sanktsii-proty-tykh-khto-perejshov-na-bik-rf/',
 'podii0119': 'https://www.podii24.com.ua/novini-ukra%d1%97ni/zelenskyj-zaprovadyv-sankcziyi-proty-prorosijskyh-diyachiv/?replytocom=25018',
 'trueua': 'https://trueua.info/news/zelenskyy-zaprovadyv-novi-sanktsiyi-proty-propahandystiv-viyny-ta-tinovoho-flotu-rosiyi',
 'n24ua': 'https://mail.n24ua.com/ua/war/novyny688',
 'ruwar': 'https://ruwar.org/hr/2025-04-predsjednik-je-nametnuo-nove-sankcije-ruskoj-floti-u-sjeni-i-brojnim-propagandistima',
 'ki0627': 'https://kyivindependent.com/zelensky-signs-decree-to-synchronize-sanctions-against-russia-with-eu-g7-06-2025',
 'ukrinf422': 'https://www.ukrinform.ua/rubric-world/4010354-sinhronizacia-sankcij-ak-zrobiti-cej-proces-dvostoronnim.html',
 'nro422': 'https://newsreadonline.com/zelensky-ha-firmato-un-decreto-sulla-sincronizzazione-delle-sanzioni-contro-lucraina-con-lue-e-il-g7',
 'podii0823': 'https://www.podii24.com.ua/novini-ukra%d1%97ni/zelenskyj-posylyv-sankcziyi-proty-rosiyi-ta-yiyi-prybichnykiv-u-2025',
 'zaxid': 'https://zaxid.net/ukrayina_naklala_sanktsiyi_na_rosiyu_ta_prorosiyskih_politikiv_moldovi_n1619640',
 'unian0920': 'https://www.unian.ua/politics/zelenskiy-prezident-ukrajini-vviv-sankciji-proti-chinovnikiv-z-krimu-i-prokremlivskih-politikiv-moldovi-13137036.html',
 'rs0920': 'https://www.radiosvoboda.org/a/news-zelenskyy-sanktsiyi-rosiya/33535732.html',
 'oboz1004': 'https://www.obozrevatel.com/politics-news/putin-hochet-voevat-terroristicheskimi-metodami-zelenskij-napomnil-zapadu-o-kompleksnoj-politike-davleniya-na-rossiyu-video.htm',
 'fakty1004': 'https://fakty.com.ua/ru/ukraine/20251004-vyrobnyky-bpla-i-naftovyj-sektor-zelenskyj-pidpysav-ukazy-pro-sankcziyi-proty-rf/',
 'novyjp': 'https://news.novyny.live/ukrayina-sinkhronizuvala-sanktsiyi-proti-rf-z-iaponiieiu-zelenskii-286890.html',
 'chasit': 'https://chaspravdy.com/it/notizie/la-politica/2025/10/11/zelensky-introduce-nuove-sanzioni-contro-aziende-russe-e-internazionali-che-sostengono-la-macchina-da-guerra-della-russia',
 'rs1031': 'https://dvz6yb6ztf20p.cloudfront.net/a/news-zelensky-novi-sanktsii-proty-rosii/33578294.html',
 'tsn1109': 'https://tsn.ua/ukrayina/zelenskyy-vdaryv-novymy-sanktsiiamy-khto-potrapyv-u-spysok-2953184.html',
 'onlua1109': 'https://news.online.ua/en/zelenskyy-dealt-a-sanctions-blow-to-putins-team-898682/',
 'inukr1109': 'https://it.in-ukraine.info/article/770120513-kirilo-dmitriev-rosiyski-posadovci-i-vidavnictva-z',
 'ki1213': 'https://kyivindependent.com/ukraine-sanctions-nearly-700-vessels-tied-to-russias-shadow-fleet',
 'liga1213': 'https://news.liga.net/en/politics/news/gambia-sierra-leone-and-panama-zelenskyy-imposes-large-scale-sanctions-against-russias-shadow-fleet',
 'corrupt': 'https://corruptua.org/zelenskyj-anonsuvav-sanktsiyi-proty-700/',
 'ukrlive': 'https://ukr.live/newses/ukraina-vvela-samiy-bolshoy-sanktsionniy-paket-protiv-rossiyskogo-tenevogo-flota-zelenskiy',
 'newsru': 'https://news.ru/europe/zelenskij-rasshiril-sankcionnyj-spisok-ukrainy',
 'novy0202': 'https://news.novyny.live/zelenskii-ogolosiv-pro-novi-sanktsiyi-proti-prorosiiskikh-diiachiv-309680.html',
 'dua0202': 'https://news.d.ua/policy/zelenskii-pidpisav-sankciyi-proti-tinovogo-floty-rf-pid-ydarom-i-propagandisti/amp',
 'zdg': 'https://www.zdg.md/stiri/ucraina-impune-sanctiuni-furnizorilor-straini-de-componente-pentru-rachete-rusesti/',
 'razom': 'https://razomua.media/en/news/biznes/ukrayina-vvela-sanktsiyi-proty-91-tankera-tinovoho-flotu-udar-po-potokam-dokhodiv-dlya-rosiyskoyi-armiyi',
 'irtafax': 'https://irtafax.com/ukraina-posyliuie-tysk-na-eksport-rosijskoi-nafty/',
 'pres91': 'https://www.president.gov.ua/news/ukrayina-zaprovadila-sankciyi-proti-91-morskogo-sudna-rosijs-102801',
 'censor0216': 'https://censor.net/ru/news/3600889/zelenskiyi-podpisal-ukaz-o-sanktsiyah-protiv-10-rossiyiskih-sportsmenov',
 'tv24_0227': 'https://24tv.ua/economy/sanktsiyi-proti-rosiyi-ukrayina-vvela-obmezhennya-proti-poshtovih_n3018774/amp',
 'epravda0227': 'https://epravda.com.ua/biznes/ukrajina-zastosuvala-sankciji-proti-rosiyskih-poshtovih-servisiv-818578/',
 'life0314': 'https://life.ru/p/1852314/amp',
}

# ---------------------------------------------------------------- actions
# (action_id, kind, title, announced, agreed, adopted, published, in_force, summary, notes)
A = [
 ('ua-2022-06-09','designations','Sanctions on 236 Russian universities, 261 rectors and members of the Russian leadership (Decree No. 401/2022)',
  '','','2022-06-09','','',
  'The President of Ukraine enacted NSDC sanctions of indefinite duration against 236 Russian higher-education institutions and 261 of their rectors; reports of the same day also cover sanctions on President Putin and most members of the Russian government.',
  'RBC dates the signature of the decree to 9 June; the rp.pl figure of 35 persons (Putin, Peskov, Patrushev, Mishustin and almost all ministers) may belong to a separate decree of the same day; its number is not stated.'),
 ('ua-2023-01-07','designations','Sanctions on 119 Russian public figures','','','2023-01-07','','',
  'The President enacted an NSDC decision imposing sanctions on 119 public and show-business figures, mostly Russian citizens and three Ukrainian citizens.',''),
 ('ua-2023-01-15','designations','Sanctions on 198 Russian culture and media figures (NSDC decision of 15 January 2023)','','2023-01-15','','','',
  'A presidential decree enacted the NSDC decision of 15 January 2023 applying personal sanctions to 198 figures of Russian culture and media.',
  'Decree number 23/2023 comes from news360.es, which republishes Ukrinform; the decree date is not stated in the excerpts.'),
 ('ua-2023-01-28','designations','Sanctions on 185 companies and individuals involved in rail transport of Russian troops and equipment','2023-01-28','','','','',
  'The President enacted NSDC sanctions on 182 Russian and Belarusian companies and three individuals involved in moving Russian military personnel and equipment by rail.',
  'The date comes from ukraine-nachrichten.de, a machine translation of Korrespondent.net (weak source); the year follows from zaman.mk (the war "now in its 12th month").'),
 ('ua-2023-02-19','designations','Sanctions on 333 Russians including financiers and bankers','','','2023-02-19','','',
  'The President imposed sanctions on 333 Russian persons, among them financiers and bankers.',
  'Single weak source (weeklyblitz.net, which relays Russian media); to confirm against an official or Ukrainian page.'),
 ('ua-2023-02-22','other','Sectoral sanctions for 50 years on all Russian financial institutions (Decree No. 89)','','2023-02-22','2023-02-22','','',
  'The NSDC and the President applied sectoral sanctions for 50 years to all banks and non-bank financial institutions registered or located in Russia, including the Central Bank of Russia, and submitted the decree to the Verkhovna Rada for approval.',
  'Sectoral sanctions under the Law on Sanctions need approval by the Verkhovna Rada; Ukrainska Pravda (23 February 2023 page) reports that parliament approved the decree, but the excerpt does not state the day.'),
 ('ua-2023-02-26','designations','Three decrees on sanctions against Russians involved in deporting children, Russian athletes and persons tied to private military companies','','','2023-02-26','','',
  'The President signed three decrees enacting NSDC sanctions against Russians involved in abducting and deporting Ukrainian children, Russian athletes and persons linked to private military companies such as Wagner.',
  'The date comes from weeklyblitz.net (weak); the counts (277 individuals, 92 entities) come from topky.sk (TASR), which does not state the day but describes the same three packages; the Ministry of Economy page gives 116 individuals and entities for the child-deportation list alone.'),
 ('ua-2023-03-10','designations','Sanctions on Russian-linked lottery and betting companies','','','','2023-03-10','',
  'The President enacted an NSDC decision imposing sanctions for 50 years on 120 individuals and 287 legal entities, mostly lottery, betting and gambling businesses linked to Russia.',
  'The publication date comes from weeklyblitz.net (weak); RFE/RL Romania reports that Zelensky spoke of over 280 companies and 120 persons on the Saturday evening; Adjara TV gives 287 legal entities.'),
 ('ua-2023-03-18','designations','Sanctions on about 300 individuals and 141 companies from Russia, Iran and Syria, including Bashar al-Assad','2023-03-18','','','','',
  'The President enacted NSDC sanctions for ten years against about 300 individuals, including Syrian President Bashar al-Assad, and 141 companies, most of them Russian defence-industry firms, with Iranian drone and airline companies.',
  'Sources disagree on the NSDC decision date: Ukrinform (German) says the Council decided on 18 March; technisch24.com (weak) cites the decree as enacting the NSDC decision of 15 March 2023. agreed_on is left empty. Gordon reports Zelensky speaking of over 400 persons and companies on 18 March.'),
 ('ua-2023-05-27','designations','Sanctions on 51 individuals and 220 legal entities from Russia and Belarus','','','','2023-05-27','',
  'The President enacted NSDC sanctions for ten years on 51 individuals, mainly managers of Russian enterprises and scientists, and 220 Russian and Belarusian companies in transport, communications and industry.',
  'Single source topor.od.ua, which republishes Korrespondent.net; the weekday (Saturday, 27 May) fixes the year as 2023.'),
 ('ua-2024-05-22','designations','Sanctions on 68 legal entities and two individuals, including Russian media (Decree No. 340/2024)','','2024-05-22','','','',
  'The President enacted the NSDC decision of 22 May 2024 imposing sanctions on 68 legal entities, among them Russian television channels and newspapers, and two individuals.',
  'Decree number from newsreadonline.com (republisher).'),
 ('ua-2024-09-01','designations','Sanctions on almost 150 legal entities and individuals supporting Russian aviation infrastructure','','','2024-09-01','','',
  'The President signed NSDC sanctions decisions against almost 150 companies and persons that keep Russia\'s aviation infrastructure running, with a separate package on collaborators.',
  'The year is fixed by the weekday given (Sunday, 1 September).'),
 ('ua-2024-10-08','designations','Sanctions on 57 enterprises aiding Russian military production (Decree No. 697)','','','2024-10-08','','',
  'The President enacted an NSDC decision imposing sanctions on 57 enterprises that aid Russian military production, including a Chinese company.',
  'Single source bunatimes.com, which republishes Korrespondent.net (weak). A second decree of the same day (No. 698) targeted 90 individuals and four legal entities described as traitors in Ukraine; it is left out of this row.'),
 ('ua-2025-01-19','designations','Sanctions on 18 propagandists and persons who sided with Russia (NSDC decision of 19 January)','2025-01-19','2025-01-19','','','',
  'The President enacted the NSDC decision of 19 January 2025 imposing sanctions on 18 persons, Ukrainian and Russian citizens, among them propagandists and Russian cultural figures.',''),
 ('ua-2025-04-11','designations','Sanctions on 59 individuals linked to the Russian shadow fleet (Decree No. 229/2025)','','2025-04-11','2025-04-11','','2025-04-11',
  'The President enacted the NSDC decision of 11 April 2025 imposing sanctions on 59 individuals, 57 Russian and two Chinese citizens, connected with Russia\'s shadow fleet.',''),
 ('ua-2025-04-11-2','designations','Sanctions on 18 propaganda outlets and 71 propagandists (Decree No. 230/2025)','','2025-04-11','2025-04-11','','2025-04-11',
  'The President enacted an NSDC decision of 11 April 2025 imposing sanctions on 18 legal entities, mostly Russian-registered information outlets, and 71 individuals.',''),
 ('ua-2025-06-27','alignment','Decree on synchronising Ukraine\'s sanctions with the EU and G7 (Decree No. 422/2025)','','2025-06-27','2025-06-27','','',
  'The President enacted the NSDC decision of 27 June 2025 requiring partner states\' sanctions against Russia, notably the EU\'s and G7\'s, to be submitted to the NSDC for approval within 15 days of their entry into force and implemented in Ukraine.',
  'A procedural decision, not a listing.'),
 ('ua-2025-08-23','designations','Synchronisation with Canada\'s sanctions on 139 individuals and entities','','','2025-08-23','','',
  'The President signed a decree synchronising Ukraine\'s sanctions with Canada\'s, covering 139 individuals and entities tied to Russia\'s war machine.',
  'A synchronisation with a partner (Canada), not an EU alignment.'),
 ('ua-2025-08-23-2','designations','Sanctions on 28 foreign citizens supporting Russia\'s occupation of Ukraine','','','2025-08-23','','',
  'A second decree of the same day imposed personal sanctions on 28 foreign (third-country) citizens who help Russia keep its occupation of Ukraine.',''),
 ('ua-2025-09-20','designations','Three sanctions packages on propagandists, businesses in occupied territory and Moldovan politicians (Decrees No. 694-696/2025)','','','2025-09-20','2025-09-20','',
  'The President signed three decrees enacting NSDC sanctions against six Russian propagandists, persons doing business in occupied Crimea, and 11 Moldovan politicians acting in Russia\'s interest.',''),
 ('ua-2025-10-04','designations','Three decrees on Russian entrepreneurs, drone producers and the oil sector','2025-10-04','','2025-10-04','','',
  'The President signed three sanctions decrees: one prolonging expiring sanctions on Russian entrepreneurs, one on Russian drone and component makers, and one on persons and companies of the Russian oil sector.',''),
 ('ua-2025-10-11','designations','Synchronisation with Japan\'s sanctions against Russia','','2025-10-11','2025-10-11','','',
  'The President signed a decree synchronising Ukraine\'s sanctions with Japan\'s, covering managers and companies that supply weapons, critical components and equipment to Russia.',
  'Zelensky said that since June 2025 Ukraine had adopted eight synchronised packages (US, Canada, UK, Japan, all EU packages) covering 281 individuals and 633 entities in total; chaspravdy.com presents those totals as the content of this decree.'),
 ('ua-2025-10-31','designations','Sanctions on more than 50 persons working for Russia\'s war, military industry and propaganda','2025-10-31','','','','',
  'Zelensky announced new sanctions decisions adding more than 50 persons, mostly Russian, who work for the war, the military industry and propaganda.',''),
 ('ua-2025-11-09','designations','Sanctions on Russian officials including Kirill Dmitriev','2025-11-09','','2025-11-09','','',
  'The President imposed sanctions on persons in Russian government structures and those involved in looting occupied territories, among them Kirill Dmitriev, a military intelligence official and a collaborator.',
  'it.in-ukraine.info (a translation aggregator) reports that the decree covers eight persons.'),
 ('ua-2025-12-13','designations','Sanctions on 656 shadow-fleet vessels','2025-12-13','','','2025-12-13','',
  'The President enacted an NSDC decision imposing sanctions on 656 vessels of Russia\'s shadow fleet used to export oil, oil products and liquefied gas, flying the flags of more than 50 states.',
  'Kyiv Independent reports Zelensky speaking of nearly 700 vessels; the decree lists 656.'),
 ('ua-2026-01-03','designations','Sanctions on 70 companies from Russia, China and the British Virgin Islands','','','','2026-01-03','',
  'A presidential decree published on 3 January 2026 imposed sanctions on 70 companies, 60 of them Russian research and industrial enterprises, nine Chinese and one from the British Virgin Islands.',''),
 ('ua-2026-02-02','designations','Sanctions on shadow-fleet companies, propagandists and prolongation of sanctions coordinated with the UK','','','2026-02-02','','',
  'The President signed sanctions decisions against shadow-fleet companies carrying sanctioned oil, Kremlin propagandists and persons linked to cyberattacks, and prolonged, in coordination with the United Kingdom, sanctions on Dmytro Firtash, Taras Kozak and related companies.',''),
 ('ua-2026-02-08','designations','Sanctions on foreign suppliers of components for Russian drones and missiles and on Russia\'s financial and crypto sector','2026-02-08','','','','',
  'Zelensky announced two decrees sanctioning foreign producers of components for Russian drones and missiles, including Chinese companies, and sanctions on Russia\'s financial sector and crypto-market bodies.',''),
 ('ua-2026-02-12','designations','Sanctions on 91 shadow-fleet vessels','2026-02-13','','2026-02-12','','',
  'The President enacted an NSDC decision imposing sanctions on 91 vessels of Russia\'s shadow fleet that carried oil from Novorossiysk, Ust-Luga and Primorsk under about 20 flags; 27 of them were already under partners\' sanctions.',''),
 ('ua-2026-02-16','designations','Sanctions on ten Russian athletes (Decree No. 123/2026)','','','2026-02-16','','',
  'The President enacted an NSDC decision imposing sanctions on ten Russian athletes who support the war, including FIDE president Arkady Dvorkovich.',''),
 ('ua-2026-02-27','designations','Sanctions on ten Russian transport and logistics companies','','','2026-02-27','','',
  'The President enacted an NSDC decision imposing sanctions on ten Russian transport and logistics companies that deliver goods to occupied Ukrainian territory and support the Russian army.',''),
 ('ua-2026-03-14','designations','Sanctions on 48 companies and 140 citizens of Russia, Iran and China (NSDC decision of 14 March 2026)','','2026-03-14','','','',
  'The President enacted the NSDC decision of 14 March 2026 imposing sanctions on 48 companies from Russia, Iran and China, mostly Russian engineering and research enterprises, and 140 citizens of those countries.',
  'Single source life.ru (Russian outlet).'),
]

# ---------------------------------------------------------------- measures
# (action_id, sector, type, description, qty, qualifier, unit, notes)
M = [
 ('ua-2022-06-09','cross-sector','listing','Indefinite sanctions (end of cultural, scientific, educational and sports exchanges) on Russian higher-education institutions.','236','exact','entities',''),
 ('ua-2022-06-09','cross-sector','asset_freeze','Sanctions on rectors of Russian universities (asset blocking, deprivation of state awards, land and property bans).','261','exact','individuals',''),
 ('ua-2022-06-09','government','listing','Indefinite sanctions on President Putin, Kremlin spokesman Peskov, Security Council secretary Patrushev, Prime Minister Mishustin and almost all members of the Russian government.','35','exact','individuals','rp.pl'),
 ('ua-2023-01-07','cross-sector','listing','Sanctions on Russian public and show-business figures (three of them Ukrainian citizens).','119','exact','individuals',''),
 ('ua-2023-01-15','media','listing','Personal sanctions on figures of Russian culture and media.','198','exact','individuals',''),
 ('ua-2023-01-28','transport','asset_freeze','Sanctions on Russian and Belarusian companies involved in rail transport of Russian personnel and military equipment.','182','exact','entities',''),
 ('ua-2023-01-28','transport','asset_freeze','Sanctions on individuals involved in the same transports.','3','exact','individuals',''),
 ('ua-2023-02-19','cross-sector','listing','Sanctions on Russian persons including financiers and bankers.','333','exact','individuals','weak source'),
 ('ua-2023-02-22','banking','transaction_ban','Sectoral sanctions for 50 years on all banks registered or located in Russia, including the Central Bank of Russia (suspension of transactions, ban on business relations and correspondent relations, ban on investments).','','','',''),
 ('ua-2023-02-22','finance','transaction_ban','The same sectoral sanctions on Russian non-bank financial institutions: payment-system operators, stock-market participants, insurers and investment funds.','','','',''),
 ('ua-2023-02-26','cross-sector','listing','Sanctions on individuals (child deportation, athletes, Wagner-linked persons) under the three decrees.','277','exact','individuals','count from topky.sk (TASR)'),
 ('ua-2023-02-26','cross-sector','listing','Sanctions on legal entities under the three decrees, among them the All-Russia People\'s Front and the Russian Red Cross.','92','exact','entities','count from topky.sk (TASR)'),
 ('ua-2023-03-10','cross-sector','listing','Sanctions for 50 years on persons, mostly Russian citizens, behind gambling businesses.','120','exact','individuals',''),
 ('ua-2023-03-10','business-services','listing','Sanctions on lottery organisers, racecourses, investment and entertainment companies.','287','exact','entities','RFE/RL Romania: over 280'),
 ('ua-2023-03-18','cross-sector','listing','Sanctions for ten years on individuals from Russia, Iran and Syria, including Bashar al-Assad and Prime Minister Hussein Arnous.','300','about','individuals',''),
 ('ua-2023-03-18','military-industrial','listing','Sanctions on companies, most of them Russian, including United Shipbuilding Corporation, the Khrunichev space centre, Shahed Aviation Industries and Mahan Air.','141','exact','entities','count from technisch24.com (weak)'),
 ('ua-2023-05-27','cross-sector','listing','Sanctions for ten years on heads of Russian enterprises and scientists.','51','exact','individuals',''),
 ('ua-2023-05-27','transport','listing','Sanctions on Russian and Belarusian companies in transport, communications and industry (MTS and Russian Railways structures, Minsk Automobile Plant and others).','220','exact','entities',''),
 ('ua-2024-05-22','media','listing','Sanctions on legal entities, among them Russian TV companies (NTV Plus, Channel One World Network, Zvezda, REN TV) and newspapers (Izvestia, Moskovsky Komsomolets).','68','exact','entities',''),
 ('ua-2024-05-22','cross-sector','listing','Sanctions on individuals.','2','exact','individuals',''),
 ('ua-2024-09-01','aviation','listing','Sanctions on legal entities and individuals that ensure the operation of Russia\'s aviation infrastructure.','150','at_most','listings','"almost 150"'),
 ('ua-2024-10-08','military-industrial','listing','Sanctions on enterprises aiding Russian military production, including a Chinese company.','57','exact','entities',''),
 ('ua-2025-01-19','cross-sector','listing','Sanctions on propagandists and persons who sided with Russia, Ukrainian and Russian citizens.','18','exact','individuals',''),
 ('ua-2025-04-11','shadow-fleet','listing','Sanctions on individuals linked to Russia\'s shadow fleet (57 Russian and two Chinese citizens).','59','exact','individuals',''),
 ('ua-2025-04-11-2','media','listing','Sanctions on legal entities, mostly Russian-registered information outlets (EurAsia Daily, Readovka, Pravda.Ru).','18','exact','entities',''),
 ('ua-2025-04-11-2','media','listing','Sanctions on propagandists, Russian and Ukrainian.','71','exact','individuals',''),
 ('ua-2025-06-27','cross-sector','other','Partner states\' sanctions to be submitted to the NSDC for approval no later than 15 days after they enter into force, and implemented in Ukraine.','','','',''),
 ('ua-2025-08-23','military-industrial','listing','Implementation of Canada\'s sanctions on individuals and entities tied to the Russian war machine.','139','exact','listings',''),
 ('ua-2025-08-23-2','cross-sector','listing','Personal sanctions on foreign citizens supporting Russia\'s occupation of Ukraine.','28','exact','individuals',''),
 ('ua-2025-09-20','media','listing','Sanctions on Russian propagandists, among them Alexander Rodgers and Ekaterina Mizulina.','6','exact','individuals',''),
 ('ua-2025-09-20','cross-sector','listing','Sanctions on Moldovan public and political figures acting for Russia.','11','exact','individuals',''),
 ('ua-2025-10-04','cross-sector','other','Prolongation of expiring sanctions on Russian entrepreneurs linked to the Putin system.','','','',''),
 ('ua-2025-10-04','military-industrial','listing','Sanctions on Russian producers of drones and components.','','','',''),
 ('ua-2025-10-04','oil','listing','Sanctions on persons and companies linked to the Russian oil sector.','','','',''),
 ('ua-2025-10-11','military-industrial','listing','Sanctions synchronised with Japan on persons (seven Russian citizens and one North Korean citizen) and companies from China, Kazakhstan, Turkey and the Seychelles.','8','at_least','individuals',''),
 ('ua-2025-10-31','cross-sector','listing','Sanctions on persons, mostly Russian, working for the war, the military industry and propaganda.','50','at_least','individuals','"понад 50"'),
 ('ua-2025-11-09','government','listing','Sanctions on officials of Russian government structures (among them Kirill Dmitriev, Oksana Lut) and persons involved in looting occupied territories.','','','','it.in-ukraine.info: eight persons'),
 ('ua-2025-12-13','shadow-fleet','vessel_listing','Sanctions on shadow-fleet vessels carrying oil, oil products and liquefied gas.','656','exact','vessels',''),
 ('ua-2026-01-03','technology','listing','Sanctions on companies: 60 Russian enterprises (research institutes, semiconductor plants), nine Chinese and one from the British Virgin Islands.','70','exact','entities',''),
 ('ua-2026-02-02','shadow-fleet','listing','Sanctions on shadow-fleet companies transporting sanctioned oil.','','','',''),
 ('ua-2026-02-02','cross-sector','other','Prolongation, coordinated with the UK, of sanctions on Taras Kozak and eight related companies (and on Dmytro Firtash, with new listings of his circle).','8','exact','entities',''),
 ('ua-2026-02-08','dual-use-technology','listing','Sanctions on foreign suppliers of components for Russian drones and missiles, including Chinese companies and firms in the UAE and Panama.','','','',''),
 ('ua-2026-02-08','finance','listing','Sanctions on Russia\'s financial sector and bodies supporting the crypto market and mining.','','','',''),
 ('ua-2026-02-12','shadow-fleet','vessel_listing','Sanctions on shadow-fleet vessels carrying oil from Novorossiysk, Ust-Luga and Primorsk.','91','exact','vessels',''),
 ('ua-2026-02-16','cross-sector','listing','Sanctions on Russian athletes supporting the war.','10','exact','individuals',''),
 ('ua-2026-02-27','transport','listing','Sanctions on Russian transport and logistics companies supplying occupied territories.','10','exact','entities',''),
 ('ua-2026-03-14','cross-sector','listing','Sanctions on companies from Russia, Iran and China (Russian engineering and research enterprises).','48','exact','entities',''),
 ('ua-2026-03-14','cross-sector','listing','Sanctions on citizens of Russia, Iran and China.','140','exact','individuals',''),
]

# ---------------------------------------------------------------- legal acts
# (action_id, identifier, act_type, published_on, url)
L = [
 ('ua-2022-06-09','Decree of the President of Ukraine No. 401/2022','decree','',''),
 ('ua-2023-01-15','Decree of the President of Ukraine No. 23/2023','decree','',''),
 ('ua-2023-02-22','Decree of the President of Ukraine No. 89','decree','',''),
 ('ua-2024-05-22','Decree of the President of Ukraine No. 340/2024','decree','',''),
 ('ua-2024-10-08','Decree of the President of Ukraine No. 697','decree','',''),
 ('ua-2025-04-11','Decree of the President of Ukraine No. 229/2025','decree','2025-04-11',''),
 ('ua-2025-04-11-2','Decree of the President of Ukraine No. 230/2025','decree','2025-04-11',''),
 ('ua-2025-06-27','Decree of the President of Ukraine No. 422/2025','decree','',''),
 ('ua-2025-09-20','Decree of the President of Ukraine No. 694/2025','decree','2025-09-20',''),
 ('ua-2025-09-20','Decree of the President of Ukraine No. 695/2025','decree','2025-09-20',''),
 ('ua-2025-09-20','Decree of the President of Ukraine No. 696/2025','decree','2025-09-20',''),
 ('ua-2026-02-16','Decree of the President of Ukraine No. 123/2026','decree','',''),
]

# ---------------------------------------------------------------- evidence
# (record, columns, urlkey, excerpt, notes)
E = [
 # 2022-06-09
 ('ua-2022-06-09','adopted_on','rbc22','Соответствующий документ опубликован на сайте президента Украины. Зеленский подписал указ 9 июня.','Gloss: the document was published on the Ukrainian president\'s website; Zelensky signed the decree on 9 June (page dateline 10 June 2022).'),
 ('ua-2022-06-09','title;summary','rbc22','Президент Украины Владимир Зеленский ввел санкции в отношении практически всех членов российского правительства и 261 руководитель российских вузов, в том числе в отношении четырех нижегородских.','Gloss: Zelensky imposed sanctions on almost all members of the Russian government and 261 heads of Russian universities.'),
 ('ua-2022-06-09/act1','identifier','rusk','Соответствующий указ президента Украины № 401/2022 опубликован на сайте главы государства.','Gloss: the decree of the President of Ukraine No. 401/2022 was published on the head of state\'s website (Russkaya Liniya citing Interfax).'),
 ('ua-2022-06-09/m1','quantity;qualifier;unit;description','rusk','Президент Украины Владимир Зеленский своим указом ввёл в действие решение Совета национальной безопасности и обороны Украины о введении санкций в отношении 236 высших учебных заведений РФ и 261 ректора, сообщает Интерфакс.','Gloss: by decree Zelensky enacted the NSDC decision on sanctions against 236 Russian higher-education institutions and 261 rectors.'),
 ('ua-2022-06-09/m1','quantity;description','argum','Украинский президент Владимир Зеленский своим указом ввел санкции против 236 российских вузов, в том числе МГУ, МГТУ имени Баумана, Санкт-Петербургского университета.','Gloss: Zelensky by decree imposed sanctions on 236 Russian universities including Moscow State University, Bauman and St Petersburg University.'),
 ('ua-2022-06-09/m2','quantity;qualifier;unit','rusk','Президент Украины Владимир Зеленский своим указом ввёл в действие решение Совета национальной безопасности и обороны Украины о введении санкций в отношении 236 высших учебных заведений РФ и 261 ректора, сообщает Интерфакс.','Gloss: 261 rectors.'),
 ('ua-2022-06-09/m3','quantity;qualifier;unit;description;sector_id','rppl','Zełenski swoim dekretem nałożył bezterminowe sankcje na prezydenta Rosji Władimira Putina, rzecznika Kremla Dmitrija Pieskowa, sekretarza Rady Bezpieczeństwa Nikołaja Patruszewa, premiera Rosji Michaiła Miszustina i prawie wszystkich członków rosyjskiego rządu. W sumie ukarano 35 osób.','Gloss: by decree Zelensky imposed indefinite sanctions on Putin, Peskov, Patrushev, Mishustin and almost all members of the Russian government; 35 persons in all. The page does not give the day.'),
 # 2023-01-07
 ('ua-2023-01-07','adopted_on;title;summary','upe230107','Previously: On Saturday 7 January, President Volodymyr Zelenskyy implemented the National Security and Defence Council’s decision to impose sanctions against 119 Russian public figures, the vast majority of whom are Russian citizens, with three being Ukrainian citizens.','Page dated Saturday, 7 January 2023.'),
 ('ua-2023-01-07/m1','quantity;qualifier;unit','upe230107','Previously: On Saturday 7 January, President Volodymyr Zelenskyy implemented the National Security and Defence Council’s decision to impose sanctions against 119 Russian public figures, the vast majority of whom are Russian citizens, with three being Ukrainian citizens.',''),
 # 2023-01-15
 ('ua-2023-01-15','agreed_on','inforesist','«Ввести в действие решение Совета национальной безопасности и обороны Украины от 15 января 2023 года «О применении и внесении изменений в персональные специальные экономические и другие ограничительные меры (санкции)», — говорится в тексте указа.','Gloss: "To enact the decision of the NSDC of 15 January 2023 on the application of and changes to personal special economic and other restrictive measures (sanctions)", the decree reads.'),
 ('ua-2023-01-15/m1','quantity;qualifier;unit;sector_id','inforesist','Президент Владимир Зеленский подписал указ о вступлении в силу решения Совета нацбезопасности и обороны Украины о применении персональных санкций против 198 деятелей культуры и медиасферы.','Gloss: Zelensky signed a decree enacting the NSDC decision on personal sanctions against 198 culture and media figures.'),
 ('ua-2023-01-15/act1','identifier','news360','Il documento presidenziale 23/2023 convalida quindi la decisione del Consiglio di sicurezza e difesa nazionale dell’Ucraina','Gloss: presidential document 23/2023 validates the NSDC decision. news360.es republishes Ukrinform (weak source).'),
 # 2023-01-28
 ('ua-2023-01-28','announced_on','ukrnach','Dies sagte er in einer abendlichen Videoansprache an das ukrainische Volk am 28. Januar.','Gloss: he said this in an evening video address on 28 January. Machine translation of a Korrespondent.net article (weak source).'),
 ('ua-2023-01-28','title;summary','ukrnach','Der ukrainische Präsident Wolodymyr Selenskyj hat einen Beschluss des Nationalen Sicherheits- und Verteidigungsrates über Sanktionen gegen 185 juristische und natürliche Personen eingebracht, die von Russland an Eisenbahntransporten von Personal und Militärgerät beteiligt sind.','Gloss: Zelensky brought in an NSDC decision on sanctions against 185 legal and natural persons involved in Russia\'s rail transport of personnel and military equipment.'),
 ('ua-2023-01-28','summary','zaman','Ukrainian President Volodymyr Zelensky has enacted sanctions on 185 companies and individuals that support Russia’s war, now in its 12th month.','The war\'s 12th month fixes the year as 2023.'),
 ('ua-2023-01-28/m1','quantity;qualifier;unit','zaman','Belarusian companies assisting Russia with the shipments are also on the list of 182 companies and three individuals.',''),
 ('ua-2023-01-28/m2','quantity;qualifier;unit','zaman','Belarusian companies assisting Russia with the shipments are also on the list of 182 companies and three individuals.',''),
 # 2023-02-19
 ('ua-2023-02-19','adopted_on;title','blitz','Prior to that, on February 19, Zelensky imposed sanctions on 333 Russians, including financiers and bankers.','Weak source (Weekly Blitz, page dated 2023-03-11).'),
 ('ua-2023-02-19/m1','quantity;qualifier;unit;description','blitz','Prior to that, on February 19, Zelensky imposed sanctions on 333 Russians, including financiers and bankers.','Weak source.'),
 # 2023-02-22
 ('ua-2023-02-22','agreed_on;adopted_on;title','ifx89','President decree No. 89 dated February 22 on approval of the decision of the National Security and Defense Council adopted on the same day','Page dated 2023-02-22.'),
 ('ua-2023-02-22','summary','ifx89','According to the text of the document on the website of the Parliament, the sanctions are imposed for the period of 50 years.',''),
 ('ua-2023-02-22','summary','upe230222','On Wednesday, 22 February, President Volodymyr Zelenskyy submitted to the Verkhovna Rada [Ukraine’s parliament – ed.] a resolution approving the National Security and Defence Council of Ukraine\'s decision to apply sectoral economic sanctions against Russian financial institutions.',''),
 ('ua-2023-02-22','summary','ki230222','President Volodymyr Zelensky submitted a draft law to parliament on Feb. 22, which is set to approve the National Security and Defense Council\'s decision to impose sanctions on all Russian financial institutions.',''),
 ('ua-2023-02-22','status','upe230223','The Verkhovna Rada [Ukraine\'s parliament – ed.] has approved the introduction of economic sanctions against all financial institutions of the Russian Federation.','Parliamentary approval; the excerpt does not give the day.'),
 ('ua-2023-02-22/act1','identifier','ifx89','President decree No. 89 dated February 22 on approval of the decision of the National Security and Defense Council adopted on the same day','The page writes "President decree No. 89" without the year suffix.'),
 ('ua-2023-02-22/m1','description;sector_id','upe230222','The National Security and Defence Council of Ukraine decided to apply special sectoral economic sanctions for a period of 50 years to all banks registered and located in the Russian Federation, including:',''),
 ('ua-2023-02-22/m2','description;sector_id','ifx89','to apply sectoral sanctions against all banks registered or located in Russia, including the Central Bank of the Russian Federation, insurance companies and other nonbank financial institutions.',''),
 # 2023-02-26
 ('ua-2023-02-26','adopted_on;title','blitz','Earlier, on February 26, Zelensky signed three decrees that impose new sanctions on some Russians.','Weak source (Weekly Blitz).'),
 ('ua-2023-02-26','summary','kmu','The sanctions list includes 116 individuals and legal entities.','Ministry of Economy of Ukraine, posted 27 February 2023: the list on the forced transfer and deportation of Ukrainian children alone (116 individuals and entities).'),
 ('ua-2023-02-26/m1','quantity;qualifier;unit','topky','Podľa dokumentov zverejnených prezidentskou kanceláriou tak boli sankcie uvalené na 277 fyzických osôb a 92 právnických osôb.','Gloss: according to documents published by the presidential office, sanctions were imposed on 277 natural persons and 92 legal entities (Topky.sk citing TASR; the page does not give the day, it describes the same packages: child abductions, athletes, private military companies).'),
 ('ua-2023-02-26/m2','quantity;qualifier;unit','topky','Podľa dokumentov zverejnených prezidentskou kanceláriou tak boli sankcie uvalené na 277 fyzických osôb a 92 právnických osôb.','Gloss: 92 legal entities.'),
 # 2023-03-10
 ('ua-2023-03-10','published_on;title','blitz','President of Ukraine Volodymyr Zelensky imposed sanctions against several betting companies that allegedly may be associated with Russia, which became known on Friday, March 10.','Weak source (Weekly Blitz, page dated 2023-03-11).'),
 ('ua-2023-03-10/m1','quantity;qualifier;unit','adjara','უკრაინის პრეზიდენტმა რუსეთის ფედერაციასთან დაკავშირებულ 120 ფიზიკურ და 287 იურიდიულ პირს სანქციები დაუწესა.','Gloss (Georgian): the President of Ukraine imposed sanctions on 120 natural and 287 legal persons linked to the Russian Federation.'),
 ('ua-2023-03-10/m2','quantity;qualifier;unit','adjara','უკრაინის პრეზიდენტმა რუსეთის ფედერაციასთან დაკავშირებულ 120 ფიზიკურ და 287 იურიდიულ პირს სანქციები დაუწესა.','Gloss: 287 legal persons.'),
 ('ua-2023-03-10/m2','description;sector_id','adjara','სანქცირებულ იურიდიულ პირებს შორის მოხვდნენ ლატარიის ორგანიზატორები, იპოდრომები, საინვესტიციო და გასართობი კომპანიები.','Gloss (Georgian): the sanctioned legal entities include lottery organisers, racecourses, investment and entertainment companies.'),
 ('ua-2023-03-10/m2','quantity','rfero','„Este vorba de peste 280 de companii şi 120 de persoane care, prin intermediul schemelor de afaceri cu jocuri de noroc, au lucrat împotriva Ucrainei','Gloss: "over 280 companies and 120 persons who, through gambling business schemes, worked against Ukraine" (RFE/RL Romania quoting Zelensky; other value: at least 280).'),
 # 2023-03-18
 ('ua-2023-03-18','announced_on','gordon','Об этом заявил президент Украины Владимир Зеленский 18 марта во время вечернего видеообращения, опубликованного его пресс-службой.','Gloss: Zelensky said this on 18 March in his evening video address.'),
 ('ua-2023-03-18','notes','gordon','Есть новые санкции СНБО. Более 400 человек и компаний. Большинство из них – российские.','Gloss: "There are new NSDC sanctions. More than 400 persons and companies. Most of them Russian." (other value: over 400 listings).'),
 ('ua-2023-03-18','notes','ukrinde','Der Sicherheitsrat beschloss am 18. März, Änderungen an der Sanktionsliste vorzunehmen.','Gloss: the Security Council decided on 18 March to amend the sanctions list. Conflicts with technisch24 (15 March 2023); agreed_on left empty.'),
 ('ua-2023-03-18','notes','tech24','In dem Dekret wurde festgestellt, dass der Beschluss des Nationalen Sicherheits- und Verteidigungsrates der Ukraine vom 15. März 2023 über die „Durchführung persönlicher, privater, wirtschaftlicher und anderer restriktiver Maßnahmen“ in Kraft getreten ist.','Gloss: the decree enacts the NSDC decision of 15 March 2023 (weak source); other value for agreed_on: 2023-03-15.'),
 ('ua-2023-03-18/m1','quantity;qualifier;unit','ukrinde','Von den Sanktionen werden zusätzlich rund 300 physische Personen aus Russland, Iran, Syrien betroffen, darunter der syrische Präsident Bashar Hafez al-Assad und Regierungschef des Landes Hussein Arnus.','Gloss: about 300 more natural persons from Russia, Iran and Syria are affected, including Bashar al-Assad and Prime Minister Hussein Arnous.'),
 ('ua-2023-03-18/m2','quantity;qualifier;unit','tech24','Die Entscheidung des Rates sieht die Verhängung von Sanktionen gegen 300 Einzelpersonen und 141 Unternehmen vor, darunter Bashar Assad, 3 Syrer, 7 Iraner und der Rest russische Staatsbürger für einen Zeitraum von 10 Jahren.','Gloss: sanctions on 300 individuals and 141 companies for ten years (weak source).'),
 ('ua-2023-03-18/m2','description;sector_id','ukrinde','Auf die Liste wurden eine Reihe von Unternehmen aus Russland und Iran, wie United Shipbuilding Corporation, Khrunichev State Research and Production Space Center, Shahed Aviation Industries Company, Mahan Airlines, Fars Air Qeshm gesetzt.','Gloss: companies from Russia and Iran were listed, such as United Shipbuilding Corporation, Khrunichev, Shahed, Mahan Air.'),
 # 2023-05-27
 ('ua-2023-05-27','published_on;title','topor','Президент Володимир Зеленський увів у дію рішення РНБО щодо нових персональних санкцій проти 51 фізичної та 220 юридичних осіб з Росії та Білорусі. Відповідний указ оприлюднений у суботу, 27 травня.','Gloss: Zelensky enacted the NSDC decision on new personal sanctions against 51 natural and 220 legal persons from Russia and Belarus; the decree was published on Saturday, 27 May. Republishes Korrespondent.net (weak).'),
 ('ua-2023-05-27/m1','quantity;qualifier;unit','topor','Президент Володимир Зеленський увів у дію рішення РНБО щодо нових персональних санкцій проти 51 фізичної та 220 юридичних осіб з Росії та Білорусі. Відповідний указ оприлюднений у суботу, 27 травня.','Gloss: 51 natural persons.'),
 ('ua-2023-05-27/m1','description','topor','Під персональні санкції потрапили керівники російських підприємств та вчені. Обмеження діятимуть протягом 10 років.','Gloss: heads of Russian enterprises and scientists; restrictions for ten years.'),
 ('ua-2023-05-27/m2','quantity;qualifier;unit','topor','Президент Володимир Зеленський увів у дію рішення РНБО щодо нових персональних санкцій проти 51 фізичної та 220 юридичних осіб з Росії та Білорусі. Відповідний указ оприлюднений у суботу, 27 травня.','Gloss: 220 legal persons.'),
 ('ua-2023-05-27/m2','description;sector_id','topor','Також Зеленський запровадив санкції проти підприємств, пов’язаних з транспортною, комунікаційною та промисловою галузями Росії та Білорусі.','Gloss: sanctions on enterprises in the transport, communications and industrial sectors of Russia and Belarus.'),
 # 2024-05-22
 ('ua-2024-05-22','agreed_on','onlua340','The decree approved the decision of the National Security and Defence Council of Ukraine dated May 22 "On the application and cancellation of personal special economic and other restrictive measures (sanctions)".','Year from the decree number 340/2024.'),
 ('ua-2024-05-22/act1','identifier','nro340','La decisione del Consiglio di sicurezza e difesa nazionale nei confronti del presidente dell\'Ucraina Vladimir Zelenskyj ha introdotto il decreto n. 340/2024.','Gloss: the NSDC decision was put into effect by decree No. 340/2024 (republisher, weak).'),
 ('ua-2024-05-22/m1','quantity;qualifier;unit','onlua340','President of Ukraine Volodymyr Zelenskyy has enacted the decision of the National Security and Defence Council to impose sanctions on 68 legal entities and two individuals.',''),
 ('ua-2024-05-22/m1','description;sector_id','onlua340','Sanctions were applied against, in particular, television companies NTV Plus, First Channel. World Network", "Zvezda", "TNT Teleset", "Petersburg", "Ren TV", TRC "Krym", newspapers "Izvestia", "Moskovsky Komsomolets" and others.',''),
 ('ua-2024-05-22/m2','quantity;qualifier;unit','onlua340','President of Ukraine Volodymyr Zelenskyy has enacted the decision of the National Security and Defence Council to impose sanctions on 68 legal entities and two individuals.',''),
 # 2024-09-01
 ('ua-2024-09-01','adopted_on;title','unnavia','On Sunday, September 1, President Volodymyr Zelenskyy imposed National Security and Defense Council sanctions against collaborators, as well as companies and people involved in the operation of Russia\'s aviation infrastructure.','Sunday 1 September fixes the year as 2024.'),
 ('ua-2024-09-01/m1','quantity;qualifier;unit;sector_id','unnavia','“Today I have signed several new sanctions decisions - the NSDC sanctions. Almost 150 entities - legal entities and individuals - that ensure the operation of Russia\'s aviation infrastructure,” Zelensky said.','"Almost 150" recorded as at_most 150.'),
 # 2024-10-08
 ('ua-2024-10-08','adopted_on','buna','President Vladimir Zelensky introduced two packages of NSDC sanctions against traitors in Ukraine and military production in Russia on Tuesday, October 8.','Republishes Korrespondent.net (weak). Tuesday 8 October fixes the year as 2024.'),
 ('ua-2024-10-08','notes','buna','Decree No. 698 imposed sanctions against 90 individuals and four legal entities.','Second decree of the same day, not recorded as a measure here.'),
 ('ua-2024-10-08/act1','identifier','buna','Decree No. 697 initiated sanctions against 57 enterprises that aid in Russian military production, including a Chinese company.',''),
 ('ua-2024-10-08/m1','quantity;qualifier;unit;description;sector_id','buna','Decree No. 697 initiated sanctions against 57 enterprises that aid in Russian military production, including a Chinese company.',''),
 # 2025-01-19
 ('ua-2025-01-19','agreed_on','tva','Відповідне рішення РНБО ухвалила 19 січня.','Gloss: the NSDC adopted the decision on 19 January.'),
 ('ua-2025-01-19','announced_on;title','podii0119','19 січня 2025 року Президент України Володимир Зеленський оголосив про введення важливих санкцій проти осіб та організацій, які діють на користь Росії або проти українських інтересів.','Gloss: on 19 January 2025 Zelensky announced sanctions against persons and organisations acting for Russia or against Ukrainian interests.'),
 ('ua-2025-01-19/m1','quantity;qualifier;unit','tva','Під санкції потрапили 18 осіб.','Gloss: 18 persons were sanctioned.'),
 # 2025-04-11
 ('ua-2025-04-11','adopted_on','trueua','У п\'ятницю, 11 квітня, президент Володимир Зеленський ввів у дію рішення Ради національної безпеки й оборони України щодо запровадження санкцій проти пропагандистів війни та російського тіньового флоту.','Gloss: on Friday 11 April Zelensky enacted NSDC decisions on sanctions against war propagandists and the Russian shadow fleet.'),
 ('ua-2025-04-11','agreed_on','trueua','"Увести в дію рішення Ради національної безпеки і оборони України від 11 квітня 2025 року "Про застосування персональних спеціальних економічних та інших обмежувальних заходів (санкцій)", — йдеться у документах.','Gloss: "To enact the NSDC decision of 11 April 2025 on the application of personal special economic and other restrictive measures (sanctions)", the documents read.'),
 ('ua-2025-04-11','in_force_on','trueua','Укази набирають чинності з дня його опублікування, тобто з 11 квітня.','Gloss: the decrees enter into force on the day of publication, i.e. from 11 April.'),
 ('ua-2025-04-11/act1','identifier;published_on','trueua','Укази набирають чинності з дня його опублікування, тобто з 11 квітня.','Gloss: in force from publication, i.e. 11 April.'),
 ('ua-2025-04-11/act1','identifier','trueua','Згідно з указом №229/2025, санкції введено проти 59 фізичних осіб.','Gloss: under decree No. 229/2025 sanctions were imposed on 59 natural persons.'),
 ('ua-2025-04-11/m1','quantity;qualifier;unit','trueua','Згідно з указом №229/2025, санкції введено проти 59 фізичних осіб.','Gloss: 59 natural persons.'),
 ('ua-2025-04-11/m1','quantity;description','n24ua','Згідно з указом №229/2025, санкції стосуються 59 осіб (57 росіян і двох китайців).','Gloss: decree No. 229/2025 covers 59 persons (57 Russians and two Chinese).'),
 ('ua-2025-04-11/m1','sector_id','ruwar','Predsjednički dekret br. 229/2025 predviđaju se sankcije protiv ruske takozvane “flote u sjeni”, koja izvozi ruske energetske resurse zaobilazeći ekonomska ograničenja.','Gloss (Croatian): decree No. 229/2025 provides sanctions against the Russian so-called shadow fleet exporting energy resources around economic restrictions.'),
 ('ua-2025-04-11-2','adopted_on','trueua','У п\'ятницю, 11 квітня, президент Володимир Зеленський ввів у дію рішення Ради національної безпеки й оборони України щодо запровадження санкцій проти пропагандистів війни та російського тіньового флоту.','Gloss: on Friday 11 April Zelensky enacted NSDC decisions on war propagandists and the shadow fleet.'),
 ('ua-2025-04-11-2','agreed_on','trueua','"Увести в дію рішення Ради національної безпеки і оборони України від 11 квітня 2025 року "Про застосування персональних спеціальних економічних та інших обмежувальних заходів (санкцій)", — йдеться у документах.','Gloss: both decrees enact NSDC decisions of 11 April 2025.'),
 ('ua-2025-04-11-2','in_force_on','trueua','Укази набирають чинності з дня його опублікування, тобто з 11 квітня.','Gloss: in force from 11 April.'),
 ('ua-2025-04-11-2/act1','identifier','trueua','Згідно з указом №230/2025 — проти 18 юросіб та 71-ї фізичної особи.','Gloss: under decree No. 230/2025, against 18 legal persons and 71 natural persons.'),
 ('ua-2025-04-11-2/act1','published_on','trueua','Укази набирають чинності з дня його опублікування, тобто з 11 квітня.','Gloss: published and in force 11 April.'),
 ('ua-2025-04-11-2/m1','quantity;qualifier;unit','trueua','Згідно з указом №230/2025 — проти 18 юросіб та 71-ї фізичної особи.','Gloss: 18 legal persons.'),
 ('ua-2025-04-11-2/m1','description;sector_id','n24ua','Відповідно до указу №230/2025, введені санкції проти 18 юридичних осіб, переважно зареєстрованих у Росії та залучених до інформаційної діяльності.','Gloss: 18 legal entities, mostly registered in Russia and engaged in information activities.'),
 ('ua-2025-04-11-2/m2','quantity;qualifier;unit','trueua','Згідно з указом №230/2025 — проти 18 юросіб та 71-ї фізичної особи.','Gloss: 71 natural persons.'),
 # 2025-06-27
 ('ua-2025-06-27','adopted_on;title','ki0627','President Volodymyr Zelensky signed a decree on June 27 to coordinate sanctions against Russia with international partners, particularly the European Union and the Group of Seven (G7), the President\'s Office said on its website.',''),
 ('ua-2025-06-27','agreed_on','ukrinf422','Саме таким позитивним кроком є Указ президента №422/20025, яким введемо в дію рішення РНБО від 27 червня 2025 року','Gloss: such a positive step is presidential decree No. 422/2025 [typo "20025" in the source] enacting the NSDC decision of 27 June 2025 (Ukrinform blog).'),
 ('ua-2025-06-27/act1','identifier','nro422','Lo afferma il decreto n. 422/2025 pubblicato sul sito web del Presidente.','Gloss: so states decree No. 422/2025 published on the President\'s website (republisher).'),
 ('ua-2025-06-27/act1','identifier','ukrinf422','Саме таким позитивним кроком є Указ президента №422/20025, яким введемо в дію рішення РНБО від 27 червня 2025 року','Source misprints the number as 422/20025.'),
 ('ua-2025-06-27/m1','description','ki0627','According to the document, sanctions approved by partner states must be submitted to the NSDC for consideration and approval no later than the 15th day after the partner state\'s decision comes into force.',''),
 # 2025-08-23
 ('ua-2025-08-23','adopted_on','podii0823','Президент України Володимир Зеленський 23 серпня 2025 року підписав два укази, що значно посилюють санкції проти Росії та її прибічників.','Gloss: on 23 August 2025 Zelensky signed two decrees strengthening sanctions against Russia and its supporters.'),
 ('ua-2025-08-23','title','podii0823','Перший указ встановлює повну синхронізацію санкційного режиму України з рішеннями Канади.','Gloss: the first decree fully synchronises Ukraine\'s sanctions regime with Canada\'s decisions.'),
 ('ua-2025-08-23/m1','quantity;qualifier;unit','podii0823','імплементацію санкцій, накладених Канадою на 139 фізичних і юридичних осіб, пов’язаних з російською військовою машиною;','Gloss: implementation of Canada\'s sanctions on 139 natural and legal persons tied to the Russian war machine.'),
 ('ua-2025-08-23-2','adopted_on','podii0823','Президент України Володимир Зеленський 23 серпня 2025 року підписав два укази, що значно посилюють санкції проти Росії та її прибічників.','Gloss: two decrees signed on 23 August 2025.'),
 ('ua-2025-08-23-2/m1','quantity;qualifier;unit;description','podii0823','Другий указ вводить персональні санкції проти 28 іноземних громадян, які сприяють утриманню Росією окупації України.','Gloss: the second decree imposes personal sanctions on 28 foreign citizens who help Russia maintain its occupation of Ukraine.'),
 # 2025-09-20
 ('ua-2025-09-20','adopted_on','zaxid','У суботу, 20 вересня, Володимир Зеленський підписав укази про три нові пакети санкцій проти Росії.','Gloss: on Saturday 20 September Zelensky signed decrees on three new sanctions packages against Russia.'),
 ('ua-2025-09-20','adopted_on','rs0920','«Підписав сьогодні (20 вересня – ред.) й укази про застосування нових санкцій України.','Gloss: "Today (20 September) I also signed decrees applying new Ukrainian sanctions."'),
 ('ua-2025-09-20','published_on','zaxid','Ввечері 20 вересня на сайті Офісу президента з’явилися три підписані укази: № 694/2025, № 695/2025, № 696/2025.','Gloss: on the evening of 20 September three signed decrees appeared on the Office of the President\'s website: Nos. 694/2025, 695/2025, 696/2025.'),
 ('ua-2025-09-20','summary','unian0920','Україна запровадила обмежувальні заходи проти чиновників, бізнесменів і причетних до порушень прав людини в тимчасово окупованому Криму, пропагандистів і проросійських діячів з Молдови.','Gloss: Ukraine imposed restrictions on officials, businessmen and human-rights violators in occupied Crimea, propagandists and pro-Russian figures from Moldova.'),
 ('ua-2025-09-20/act1','identifier;published_on','zaxid','Ввечері 20 вересня на сайті Офісу президента з’явилися три підписані укази: № 694/2025, № 695/2025, № 696/2025.','Gloss: decree No. 694/2025.'),
 ('ua-2025-09-20/act2','identifier;published_on','zaxid','Ввечері 20 вересня на сайті Офісу президента з’явилися три підписані укази: № 694/2025, № 695/2025, № 696/2025.','Gloss: decree No. 695/2025.'),
 ('ua-2025-09-20/act3','identifier;published_on','zaxid','Ввечері 20 вересня на сайті Офісу президента з’явилися три підписані укази: № 694/2025, № 695/2025, № 696/2025.','Gloss: decree No. 696/2025.'),
 ('ua-2025-09-20/m1','quantity;qualifier;unit;sector_id','unian0920','Зокрема, санкції застосовані проти шістьох пропагандистів, серед яких Олександр Роджерс','Gloss: sanctions were applied in particular to six propagandists, among them Alexander Rodgers.'),
 ('ua-2025-09-20/m2','quantity;qualifier;unit;description','zaxid','Згідно з документами, під обмеження потрапили 11 громадян Молдови, які на замовлення Росії намагаються дестабілізувати ситуацію в країні.','Gloss: 11 Moldovan citizens who at Russia\'s behest try to destabilise the country.'),
 # 2025-10-04
 ('ua-2025-10-04','announced_on;adopted_on','oboz1004','Об этом глава государства сказал в вечернем видеообращении 4 октября. Также он подписал сегодня несколько новых санкционных решений, уточнив, что "это разные направления наших санкций".','Gloss: the head of state said this in his evening video address of 4 October; he also signed several new sanctions decisions today, "different directions of our sanctions".'),
 ('ua-2025-10-04','announced_on','fakty1004','В вечернем видеообращении за 4 октября глава государства рассказал, что указы касаются различных направлений украинских санкций.','Gloss: in the evening address of 4 October he said the decrees concern different directions of Ukrainian sanctions.'),
 ('ua-2025-10-04/m1','description','oboz1004','Первый указ – продление санкций, у которых истекал срок. Это касается российских предпринимателей и их связей с путинской системой.','Gloss: first decree: prolongation of expiring sanctions on Russian entrepreneurs and their ties to the Putin system.'),
 ('ua-2025-10-04/m2','description;sector_id','oboz1004','Второй указ – российская военная промышленность, а именно – производители беспилотников, комплектующих.','Gloss: second decree: Russian military industry, namely producers of drones and components.'),
 ('ua-2025-10-04/m3','description;sector_id','oboz1004','Третий указ – наши санкции против лиц и против компаний, связанных с российским нефтяным сектором.','Gloss: third decree: sanctions against persons and companies linked to the Russian oil sector.'),
 # 2025-10-11
 ('ua-2025-10-11','adopted_on;title','novyjp','Президент України Володимир Зеленський повідомив, що у суботу, 11 жовтня, Україна синхронізувала санкції проти Росії з Японією. Глава держави підписав відповідний указ.','Gloss: Zelensky said that on Saturday 11 October Ukraine synchronised its sanctions against Russia with Japan; he signed the relevant decree.'),
 ('ua-2025-10-11','agreed_on','chasit','Il decreto è già stato pubblicato sul sito ufficiale della presidenza ed è entrato in vigore, in seguito alla decisione del Consiglio di Sicurezza e Difesa Nazionale dell’11 ottobre.','Gloss: the decree has been published on the presidency\'s website and entered into force, following the NSDC decision of 11 October.'),
 ('ua-2025-10-11','summary','novyjp','А також додав, що у списку санкцій керівники й компанії, які забезпечують прибутками російську воєнну машину, постачають зброю, критичні компоненти, обладнання.','Gloss: the list contains managers and companies that supply revenue, weapons, critical components and equipment to the Russian war machine.'),
 ('ua-2025-10-11','notes','novyjp','Загалом 281 фізична і 633 юридичні особи, і це значущі особи.','Gloss: in total 281 natural and 633 legal persons (cumulative for the eight synchronised packages since June 2025, not this decree alone).'),
 ('ua-2025-10-11/m1','quantity;qualifier;unit;description','chasit','Tra le persone interessate ci sono sette cittadini russi, un cittadino nordcoreano e diverse aziende provenienti da Cina, Kazakistan, Turchia e Seychelles.','Gloss: among those affected are seven Russian citizens, one North Korean citizen and several companies from China, Kazakhstan, Turkey and the Seychelles.'),
 # 2025-10-31
 ('ua-2025-10-31','announced_on','rs1031','Президент Володимир Зеленський у вечірньому зверненні 31 жовтня прокоментував нові рішення щодо розширення санкцій проти Росії.','Gloss: in his evening address of 31 October Zelensky commented on new decisions expanding sanctions against Russia (Radio Svoboda, mirror URL). The 19th EU package mentioned on the page fixes the year as 2025.'),
 ('ua-2025-10-31','summary','rs1031','«Це більшістю російські особи, які працюють на російську війну проти України, на російську військову промисловість, а також на пропаганду.','Gloss: "These are mostly Russian persons working for Russia\'s war against Ukraine, for the Russian military industry and for propaganda."'),
 ('ua-2025-10-31/m1','quantity;qualifier;unit','rs1031','Зокрема, до списку потрапили понад 50 людей, зазначив він:','Gloss: more than 50 people were added to the list.'),
 # 2025-11-09
 ('ua-2025-11-09','adopted_on;announced_on','tsn1109','Президент Володимир Зеленський у неділю, 9 листопада, запровадив нові санкції проти Росії та представників путінського режиму.','Gloss: on Sunday 9 November Zelensky imposed new sanctions against Russia and representatives of the Putin regime.'),
 ('ua-2025-11-09','announced_on','onlua1109','On November 9, President Volodymyr Zelensky officially confirmed that he had adopted new decisions on Ukraine\'s sanctions against the aggressor country Russia.',''),
 ('ua-2025-11-09/m1','description;sector_id','tsn1109','За словами Зеленського, санкції запроваджено проти осіб, які працюють в урядових структурах Путіна та причетні до грабунку на тимчасово окупованих територіях України.','Gloss: sanctions against persons working in Putin\'s government structures and involved in looting the occupied territories.'),
 ('ua-2025-11-09/m1','notes','inukr1109','Il nuovo decreto presidenziale ha introdotto sanzioni contro otto persone coinvolte in crimini contro l\'Ucraina e i suoi cittadini.','Gloss: the new decree imposes sanctions on eight persons (translation aggregator; quantity left empty).'),
 # 2025-12-13
 ('ua-2025-12-13','announced_on','ki1213','President Volodymyr Zelensky announced on Dec. 13 that Ukraine’s sanctions against nearly 700 vessels linked to Russia’s shadow fleet had entered into force.','Other value: nearly 700 vessels.'),
 ('ua-2025-12-13','announced_on','ukrlive','Об этом он сообщил в субботу, 13 декабря.','Gloss: he announced this on Saturday, 13 December (page dated 13-12-2025).'),
 ('ua-2025-12-13','published_on','corrupt','Відповідний указ був опублікований на офіційному сайті глави держави 13 грудня.','Gloss: the decree was published on the head of state\'s website on 13 December.'),
 ('ua-2025-12-13','summary','liga1213','The sanctioned vessels were flying the flags of more than 50 countries, most often Gambia, Sierra Leone, Panama and Cameroon.',''),
 ('ua-2025-12-13/m1','quantity;qualifier;unit','liga1213','President of Ukraine Volodymyr Zelenskyy signed a decree enacting the NSDC\'s decision to impose sanctions against 656 ships that are part of the shadow fleet, the President\'s Office reports.',''),
 ('ua-2025-12-13/m1','description;sector_id','liga1213','"Based on the results of monitoring of the Black, Red and Baltic Seas, it was found that Russia used these vessels to circumvent the sanctions of the European Union, G7 and other states and thus exported oil, oil products and liquefied gas," the statement said.',''),
 # 2026-01-03
 ('ua-2026-01-03','published_on;title','newsru','Президент Украины Владимир Зеленский ввел санкции против 70 компаний из России, Китая и Виргинских островов, следует из указа, опубликованного 3 января на сайте его офиса.','Gloss: Zelensky imposed sanctions on 70 companies from Russia, China and the Virgin Islands, per a decree published on 3 January on his office\'s website (page dated 04 January 2026).'),
 ('ua-2026-01-03/m1','quantity;qualifier;unit','newsru','Президент Украины Владимир Зеленский ввел санкции против 70 компаний из России, Китая и Виргинских островов, следует из указа, опубликованного 3 января на сайте его офиса.','Gloss: 70 companies.'),
 ('ua-2026-01-03/m1','description;sector_id','newsru','В перечень вошли 60 российских предприятий, включая НИИ космических материалов и ОКБ «Гиперком».','Gloss: the list includes 60 Russian enterprises, including the Research Institute of Space Materials and OKB Giperkom.'),
 ('ua-2026-01-03/m1','description','newsru','Санкционный список также включает одну компанию с Виргинских островов и девять китайских.','Gloss: one company from the Virgin Islands and nine Chinese companies.'),
 # 2026-02-02
 ('ua-2026-02-02','adopted_on;title','novy0202','У понеділок, 2 лютого, Президент України Володимир Зеленський підписав нові санкційні рішення та оголосив про продовження обмежувальних заходів у координації з Великою Британією.','Gloss: on Monday 2 February Zelensky signed new sanctions decisions and announced the extension of restrictions in coordination with the United Kingdom.'),
 ('ua-2026-02-02','summary','dua0202','“Крім того, запроваджено нові санкції проти кремлівських пропагандистів та злочинців, які мають відношення до кібератак на Україну та наших партнерів.','Gloss: "In addition, new sanctions on Kremlin propagandists and criminals connected with cyberattacks on Ukraine and our partners."'),
 ('ua-2026-02-02/m1','description;sector_id','dua0202','Сьогодні, 2 лютого, Президент України Володимир Зеленський підписав указ про введення санкцій проти підприємств “тіньового флоту” Російської Федерації, які займаються транспортуванням підсанкційної нафти.','Gloss: today, 2 February, Zelensky signed a decree imposing sanctions on shadow-fleet companies carrying sanctioned oil.'),
 ('ua-2026-02-02/m2','quantity;qualifier;unit;description','novy0202','Крім того, продовжено санкції проти одного з найближчих соратників Віктора Медведчука — Тараса Козака, а також восьми повʼязаних із ним компаній.','Gloss: sanctions were also extended against Taras Kozak, a close associate of Viktor Medvedchuk, and eight companies linked to him.'),
 # 2026-02-08
 ('ua-2026-02-08','announced_on;title','zdg','Președintele ucrainean Volodimir Zelenski a declarat duminică, 8 februarie, că impune sancțiuni unor producători străini de componente pentru drone și rachete rusești utilizate împotriva Ucrainei, potrivit agenției Reuters.','Gloss: Zelensky said on Sunday 8 February that he was imposing sanctions on foreign producers of components for Russian drones and missiles (Reuters via ZdG).'),
 ('ua-2026-02-08/m1','description;sector_id','zdg','Conform a două decrete publicate de președinția ucraineană, printre țintele sancțiunilor se numără mai multe companii chineze, precum și companii din fosta Uniune Sovietică, Emiratele Arabe Unite și Panama.','Gloss: according to two decrees, targets include several Chinese companies and companies from the former Soviet Union, the UAE and Panama.'),
 ('ua-2026-02-08/m2','description;sector_id','zdg','De asemenea, Zelenski a declarat că a impus sancțiuni împotriva sectorului financiar rus și a organismelor care sprijină piața cripto și operațiunile miniere din Rusia.','Gloss: Zelensky also said he imposed sanctions on the Russian financial sector and bodies supporting the crypto market and mining in Russia.'),
 # 2026-02-12
 ('ua-2026-02-12','adopted_on','razom','On February 12, President Volodymyr Zelensky signed the decision of the National Security and Defense Council (NSDC) to impose sanctions on 91 vessels',''),
 ('ua-2026-02-12','announced_on','irtafax','Про це 13 лютого повідомила пресслужба глави держави.','Gloss: the head of state\'s press service reported this on 13 February (page dated 2026-02-13).'),
 ('ua-2026-02-12','summary','pres91','Двадцять сім суден із цього списку вже перебувають під санкціями партнерів: США, Великої Британії, Швейцарії та Євросоюзу.','Gloss: 27 vessels on the list are already under sanctions of the US, UK, Switzerland and the EU.'),
 ('ua-2026-02-12/m1','quantity;qualifier;unit;sector_id','pres91','Президент України Володимир Зеленський підписав указ, яким увів у дію рішення Ради національної безпеки і оборони щодо застосування санкцій проти 91 морського судна, що є частиною тіньового флоту Росії.','Gloss: Zelensky signed a decree enacting the NSDC decision on sanctions against 91 sea vessels of Russia\'s shadow fleet.'),
 ('ua-2026-02-12/m1','description','pres91','РФ використовувала ці судна для транспортування нафти й нафтопродуктів із російських портів, зокрема в Новоросійську, Усть-Лузі та Приморську, до третіх країн.','Gloss: Russia used these vessels to carry oil and oil products from Novorossiysk, Ust-Luga and Primorsk to third countries.'),
 # 2026-02-16
 ('ua-2026-02-16','adopted_on','censor0216','Соответствующий указ №123/2026 от 16 февраля опубликован на сайте главы государства, сообщает Цензор.НЕТ.','Gloss: decree No. 123/2026 of 16 February was published on the head of state\'s website.'),
 ('ua-2026-02-16','summary','censor0216','Согласно указу президента, введены санкции против президента Международной федерации шахмат (ФИДЕ) Аркадия Дворковича.','Gloss: sanctions on FIDE president Arkady Dvorkovich.'),
 ('ua-2026-02-16/act1','identifier','censor0216','Соответствующий указ №123/2026 от 16 февраля опубликован на сайте главы государства, сообщает Цензор.НЕТ.','Gloss: decree No. 123/2026.'),
 ('ua-2026-02-16/m1','quantity;qualifier;unit;description','censor0216','Президент Владимир Зеленский подписал указ, которым ввел в действие решение Совета национальной безопасности и обороны о применении санкций против десяти российских спортсменов, поддерживающих агрессию РФ.','Gloss: sanctions on ten Russian athletes supporting Russia\'s aggression.'),
 # 2026-02-27
 ('ua-2026-02-27','adopted_on;title','tv24_0227','Зеленський 27 лютого ввів в дію рішення РНБО щодо санкцій проти 10 російських транспортно-логістичних компаній.','Gloss: on 27 February Zelensky enacted the NSDC decision on sanctions against 10 Russian transport and logistics companies (page dated 2026-02-28).'),
 ('ua-2026-02-27/m1','quantity;qualifier;unit;description;sector_id','epravda0227','Президент України Володимир Зеленський підписав указ, яким увів у дію рішення Ради національної безпеки і оборони щодо застосування санкцій проти 10 російських транспортно-логістичних підприємств, що доставляють вантажі на тимчасово окуповані Росією українські території.','Gloss: sanctions on 10 Russian transport and logistics enterprises delivering cargo to occupied Ukrainian territory.'),
 # 2026-03-14
 ('ua-2026-03-14','agreed_on','life0314','«Ввести в действие решение Совета национальной безопасности и обороны Украины от 14 марта 2026 года «о применении персональных специальных экономических и других ограничительных мер», — говорится в тексте указа.','Gloss: "To enact the NSDC decision of 14 March 2026 on the application of personal special economic and other restrictive measures", the decree reads.'),
 ('ua-2026-03-14/m1','quantity;qualifier;unit','life0314','Владимир Зеленский подписал указ о санкциях против 48 компаний из России, Ирана и Китая, а также против 140 граждан этих стран.','Gloss: decree on sanctions against 48 companies from Russia, Iran and China and 140 citizens of those countries.'),
 ('ua-2026-03-14/m1','description','life0314','В санкционный список попали российские предприятия, связанные с машиностроением и научными разработками: «АБС ЗЭиМ Автоматизация», ВНИИР, «Торэкс», «Вымпел», «Вектор», ЦНИИ «Электрон» и другие.','Gloss: Russian enterprises in machine building and research (ABS ZEiM Avtomatizatsiya, VNIIR, Toreks, Vympel, Vektor, TsNII Elektron and others).'),
 ('ua-2026-03-14/m2','quantity;qualifier;unit','life0314','Владимир Зеленский подписал указ о санкциях против 48 компаний из России, Ирана и Китая, а также против 140 граждан этих стран.','Gloss: 140 citizens.'),
]

# ---------------------------------------------------------------- sources
# urlkey: (publisher, title, published_on, language, source_type)
S = {
 'rbc22': ('RBC','Руководители четырех нижегородских вузов попали под санкции Украины','2022-06-10','ru','news'),
 'rusk': ('Russkaya Liniya (rusk.ru)','','','ru','news'),
 'rppl': ('Rzeczpospolita','','','pl','news'),
 'argum': ('Argumenty Nedeli','Зеленский ввел санкции против 236 российских вузов, среди которых МГУ, МГТУ имени Баумана, СПБГУ и 261 ректора','2022-06-09','ru','news'),
 'upe230107': ('Ukrainska Pravda','Zelenskyy promises further sanctions against those who justify war','2023-01-07','en','news'),
 'inforesist': ('InfoResist','','','ru','news'),
 'news360': ('News360 (Spain)','','','it','news'),
 'ukrnach': ('Ukraine-Nachrichten (machine translation of Korrespondent.net)','Gegen Teilnehmer an Transporten von russischem Militärgerät und Soldaten wurden Sanktionen verhängt','','de','news'),
 'zaman': ('Zaman (North Macedonia)','Zelensky slams sanctions on 185 companies, people backing Moscow','','en','news'),
 'blitz': ('Weekly Blitz','','2023-03-11','en','news'),
 'ifx89': ('Interfax-Ukraine','Ukraine introduces sectoral sanctions for 50 years against all banks and nonbank financial institutions of Russia – decree','2023-02-22','en','news'),
 'upe230222': ('Ukrainska Pravda','','','en','news'),
 'ki230222': ('The Kyiv Independent','','','en','news'),
 'upe230223': ('Ukrainska Pravda','','','en','news'),
 'topky': ('Topky.sk','','','sk','news'),
 'kmu': ('Government of Ukraine (Ministry of Economy)','Anyone guilty of crimes against childhood will be punished: Yuliia Svyrydenko on new sanctions imposed by Presidential Decree','2023-02-27','en','official'),
 'rfero': ('Radio Europa Liberă România (RFE/RL)','','','ro','news'),
 'adjara': ('Adjara TV','','','ka','news'),
 'ukrinde': ('Ukrinform','Selenskyj setzt Beschluss von nationalen Sicherheitsrat über Sanktionen gegen Einzelpersonen und Organisationen in Kraft','','de','news'),
 'tech24': ('technisch24.com','Selenski verhängt Sanktionen gegen den syrischen Präsidenten Assad','','de','news'),
 'gordon': ('Gordon','Зеленский: Украинские санкции – это часть глобального давления на Россию','','ru','news'),
 'topor': ('Topor (Odesa)','','','uk','news'),
 'onlua340': ('Online.ua','Zelenskyy imposes sanctions on number of Russian media outlets','','en','news'),
 'nro340': ('NewsReadOnline','Zelenskyj ha firmato un decreto che impone sanzioni contro una serie di media russi: chi era incluso nella lista','','it','news'),
 'unnavia': ('UNN (Ukrainian National News)','Zelensky imposes new sanctions against collaborators and supporters of Russian aviation','','en','news'),
 'buna': ('Buna Times (republishing Korrespondent.net)','','','en','news'),
 'tva': ('TVA (Chernivtsi)','','','uk','news'),
 'podii0119': ('Podii24','Зеленський запровадив санкції проти проросійських діячів','','uk','news'),
 'trueua': ('TrueUA','','','uk','news'),
 'n24ua': ('N24UA','','','uk','news'),
 'ruwar': ('RuWar','','','hr','news'),
 'ki0627': ('The Kyiv Independent','Zelensky signs decree to synchronize Russia sanctions with EU, G7','','en','news'),
 'ukrinf422': ('Ukrinform','Синхронізація санкцій: як зробити цей процес двостороннім','','uk','analysis'),
 'nro422': ('NewsReadOnline','','','it','news'),
 'podii0823': ('Podii24','','','uk','news'),
 'zaxid': ('Zaxid.net','Володимир Зеленський підписав три укази щодо санкцій проти росіян та проросійських молдавських політиків','','uk','news'),
 'unian0920': ('UNIAN','','2025-09-20','uk','news'),
 'rs0920': ('Radio Svoboda (RFE/RL)','','','uk','news'),
 'oboz1004': ('Obozrevatel','','2025-10-04','ru','news'),
 'fakty1004': ('Fakty','Производители БпЛА и нефтяной сектор: Зеленский подписал указы о санкциях против РФ','','ru','news'),
 'novyjp': ('Novyny.live','','','uk','news'),
 'chasit': ('Chas Pravdy','Zelensky introduce nuove sanzioni contro aziende russe e internazionali che sostengono la macchina da guerra della Russia','','it','news'),
 'rs1031': ('Radio Svoboda (RFE/RL), mirror','','','uk','news'),
 'tsn1109': ('TSN','','2025-11-09','uk','news'),
 'onlua1109': ('Online.ua','','','en','news'),
 'inukr1109': ('In-Ukraine.info','','','it','news'),
 'ki1213': ('The Kyiv Independent','Ukraine sanctions nearly 700 vessels tied to Russia’s \'shadow fleet\'','','en','news'),
 'liga1213': ('LIGA.net','Ukraine has imposed sanctions against 656 ships of the Russian shadow fleet, most often flying the flags of Gambia, Sierra Leone and Panama','','en','news'),
 'corrupt': ('CorruptUA','','','uk','news'),
 'ukrlive': ('Ukr.live','Украина ввела самый большой санкционный пакет против российского «теневого флота» — Зеленский','2025-12-13','ru','news'),
 'newsru': ('News.ru','Зеленский расширил санкционный список Украины','2026-01-04','ru','news'),
 'novy0202': ('Novyny.live','Зеленський оголосив про нові санкції проти проросійських діячів','','uk','news'),
 'dua0202': ('News.d.ua','','','uk','news'),
 'zdg': ('Ziarul de Gardă','','','ro','news'),
 'razom': ('Razom UA','','','en','news'),
 'irtafax': ('Irtafax','','2026-02-13','uk','news'),
 'pres91': ('Office of the President of Ukraine','','','uk','official'),
 'censor0216': ('Censor.net','','','ru','news'),
 'tv24_0227': ('24 Kanal','','2026-02-28','uk','news'),
 'epravda0227': ('Ekonomichna Pravda','','2026-03-02','uk','news'),
 'life0314': ('Life.ru','Зеленский обложил санкциями ещё 48 компаний из России, Ирана и Китая','','ru','news'),
}

def main():
    ids = {a[0] for a in A}
    assert len(ids) == len(A)
    nm = {}
    for m in M:
        assert m[0] in ids, m
        nm[m[0]] = nm.get(m[0], 0) + 1
    nl = {}
    for l in L:
        assert l[0] in ids, l
        nl[l[0]] = nl.get(l[0], 0) + 1
    used = set()
    rec_with_ev = set()
    for r, cols, uk, ex, note in E:
        assert uk in U and uk in S, uk
        assert len(ex) <= 300, (r, len(ex))
        assert '...' not in ex and '…' not in ex, r
        base = r.split('/')[0]
        assert base in ids, r
        if '/m' in r:
            assert int(r.split('/m')[1]) <= nm.get(base, 0), r
        if '/act' in r:
            assert int(r.split('/act')[1]) <= nl.get(base, 0), r
        used.add(uk); rec_with_ev.add(r)
    for a in A:
        assert a[0] in rec_with_ev, ('no evidence', a[0])
    for aid, n in nm.items():
        for i in range(1, n + 1):
            assert f'{aid}/m{i}' in rec_with_ev, ('no evidence', aid, i)
    w = lambda name: csv.writer(open(os.path.join(D, name), 'w', newline='', encoding='utf-8'), lineterminator='\r\n')
    f = w('actions.csv')
    f.writerow(['action_id','jurisdiction_id','action_kind','number','title','status','announced_on','agreed_on','adopted_on','published_on','in_force_on','summary','existing_id','notes'])
    for a in A:
        aid, kind, title, ann, agr, ado, pub, inf, summ, notes = a
        f.writerow([aid,'ua',kind,'',title,'adopted',ann,agr,ado,pub,inf,summ,'',notes])
    f = w('measures.csv')
    f.writerow(['action_id','sector_id','measure_type','description','quantity','qualifier','unit','effective_on','ends_on','notes'])
    for aid, sec, typ, desc, q, qual, unit, notes in M:
        f.writerow([aid,sec,typ,desc,q,qual,unit,'','',notes])
    f = w('legal_acts.csv')
    f.writerow(['action_id','identifier','act_type','published_on','url'])
    for l in L:
        f.writerow(list(l))
    f = w('sources.csv')
    f.writerow(['url','publisher','title','published_on','language','source_type'])
    for uk in sorted(used, key=lambda k: list(U).index(k)):
        f.writerow([U[uk]] + list(S[uk]))
    f = w('evidence.csv')
    f.writerow(['record','columns','url','excerpt','notes'])
    for r, cols, uk, ex, note in E:
        f.writerow([r, cols, U[uk], ex, note])
    print('actions', len(A), 'measures', len(M), 'acts', len(L), 'evidence', len(E), 'sources', len(used))

main()
