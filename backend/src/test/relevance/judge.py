#!/usr/bin/env python3
"""Writes the judged query set of the relevance benchmark (backend/src/test/resources/search/relevance/judged-queries.tsv).

Run once by hand when the judged set changes; the result is committed and is what the benchmark and its test read.
Input: the demo catalogue's facts (seed 2026, trials 1-60, as DemoTrialGenerator makes them; dumped to JSON with
their protocol number, recruitment status, SKS code, sites, ages, sex and healthy volunteers), the project's
postal-codes.tsv, and, when present, the real records in ../shared/data (the AACT sample's Danish-led trials and
the two ClinicalTrials.gov records with Danish sites).

Grades, as a patient who typed the query would judge a trial (see docs/search.md, "Measured relevance"):
  3  the trial is about the condition asked for (or a narrower form of it) and meets every filter the words state;
     with a place: its nearest site within 25 km
  2  as 3, with its nearest site 25-50 km away (the default radius)
  1  the other kind of the same disease, which the person may mean or also have (type 1 / type 2 diabetes,
     rheumatoid arthritis / osteoarthritis)
  0  anything else (not listed)
A query with no trial of grade 2 or more is left out (nothing to find: an empty result is right).
Queries without a status word judge open (recruiting) trials only, as the search shows by default; queries with
status=all judge every trial, closed ones too (the real AACT records are all closed).
"""
import csv, json, math, re, sys, os

DEMO = json.load(open(sys.argv[1]))
ROOT = os.path.dirname(os.path.abspath(__file__))
POSTAL = os.path.join(ROOT, '../../main/resources/search/postal-codes.tsv')
SHARED = sys.argv[2] if len(sys.argv) > 2 else None
OUT = os.path.join(ROOT, '../resources/search/relevance/judged-queries.tsv')

towns = {}
for line in open(POSTAL, encoding='utf-8'):
    if line.startswith('#') or not line.strip():
        continue
    f = line.rstrip('\n').split('\t')
    name = re.sub(r'\s+(C|N|S|V|Ø|K|NV|NØ|SV|SØ|M)$', '', f[2])
    point = (float(f[4]), float(f[5]))
    if name not in towns or int(f[0]) < towns[name][0]:
        towns[name] = (int(f[0]), point)
TOWNS = {k: v[1] for k, v in towns.items()}
TOWNS['København'] = TOWNS.get('København', (55.680, 12.580))
REGIONS = {'Region Hovedstaden', 'Region Sjælland', 'Region Syddanmark', 'Region Midtjylland', 'Region Nordjylland'}

# Hospital positions of the demo sites (Hospital.java), by the site's city.
HOSPITALS = {
    'København Ø': (55.6960, 12.5683), 'Herlev': (55.7310, 12.4430), 'København NV': (55.7130, 12.5410),
    'Hvidovre': (55.6490, 12.4730), 'Hillerød': (55.9270, 12.2960), 'Roskilde': (55.6300, 12.0800),
    'Holbæk': (55.7100, 11.7000), 'Næstved': (55.2300, 11.7700), 'Odense C': (55.3850, 10.3700),
    'Vejle': (55.7100, 9.5300), 'Esbjerg': (55.4800, 8.4600), 'Aabenraa': (55.0400, 9.4100),
    'Aarhus N': (56.1900, 10.1700), 'Herning': (56.1500, 8.8900), 'Randers NØ': (56.4700, 10.0600),
    'Viborg': (56.4500, 9.4000), 'Aalborg': (57.0500, 9.9300), 'Hjørring': (57.4600, 9.9800),
    'Thisted': (56.9600, 8.7000)}


def km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


AREAS = {'cancer': {'DC50', 'DC34', 'DC18', 'DC61'}, 'diabetes': {'DE10', 'DE11'},
         'heart': {'DI50', 'DI48', 'DI21'}, 'arthritis': {'DM05', 'DM16'}, 'psych': {'DF32', 'DF20'},
         'lung': {'DJ44', 'DJ45'}, 'neuro': {'DG35', 'DG20', 'DG30'}, 'rare': {'DE84', 'DG71'}}
# Grade 1 (related): only the other kind of the same disease, which a person may well mean or also have: the other
# type of diabetes, the other kind of "gigt".
RELATED = {'DE10': {'DE11'}, 'DE11': {'DE10'}, 'DM05': {'DM16'}, 'DM16': {'DM05'}}

queries = []


def q(lang, kind, text, conditions=(), related=None, params='', place=None, radius=50, region=None, hv=None,
      sex=None, age=None, intervention=None, titles=None, real=(), any_trial=False):
    queries.append(dict(lang=lang, kind=kind, text=text, conditions=set(conditions), params=params, place=place,
                        radius=radius, region=region, hv=hv, sex=sex, age=age, intervention=intervention,
                        titles=titles, real=set(real), any_trial=any_trial,
                        related=set().union(*(RELATED.get(c, set()) for c in conditions)) - set(conditions)
                        if related is None else set(related)))


def same(lang, kind, texts, conditions, **kw):
    for t in texts:
        q(lang, kind, t, conditions, **kw)


# --- conditions by name: clinical, lay, misspelled; Danish and English -------------------------------------
same('da', 'clinical', ['depression', 'depressiv lidelse'], {'DF32'})
same('da', 'lay', ['nedtrykthed', 'tungsind'], {'DF32'})
same('da', 'misspelled', ['depresion'], {'DF32'})
same('en', 'clinical', ['depression', 'major depressive disorder'], {'DF32'})
same('da', 'clinical', ['Parkinsons sygdom', 'parkinson'], {'DG20'})
same('da', 'lay', ['rystelammelse'], {'DG20'})
same('da', 'misspelled', ['parkinsen'], {'DG20'})
same('en', 'clinical', ["Parkinson's disease"], {'DG20'})
same('da', 'clinical', ['skizofreni'], {'DF20'})
same('da', 'misspelled', ['skitsofreni'], {'DF20'})
same('en', 'clinical', ['schizophrenia'], {'DF20'})
same('da', 'clinical', ['hjertesvigt', 'hjerteinsufficiens'], {'DI50'})
same('da', 'lay', ['svagt hjerte'], {'DI50'})
same('da', 'misspelled', ['hjertesvidt'], {'DI50'})
same('en', 'clinical', ['heart failure'], {'DI50'})
same('da', 'clinical', ['atrieflimren', 'forkammerflimren'], {'DI48'})
same('da', 'lay', ['hjerteflimmer', 'uregelmæssig puls'], {'DI48'})
same('en', 'clinical', ['atrial fibrillation', 'AF'], {'DI48'})
same('da', 'clinical', ['leddegigt', 'reumatoid artritis'], {'DM05'})
same('da', 'misspelled', ['ledegigt'], {'DM05'})
same('en', 'clinical', ['rheumatoid arthritis'], {'DM05'})
same('da', 'lay', ['gigt'], {'DM05', 'DM16'})
same('en', 'lay', ['arthritis'], {'DM05', 'DM16'})
same('da', 'clinical', ['cystisk fibrose'], {'DE84'})
same('en', 'clinical', ['cystic fibrosis'], {'DE84'})
same('da', 'clinical', ['prostatakræft', 'prostatacancer'], {'DC61'})
same('da', 'lay', ['kræft i prostata'], {'DC61'})
same('da', 'misspelled', ['prostatakraeft', 'prostata kræft'], {'DC61'})
same('en', 'clinical', ['prostate cancer'], {'DC61'})
same('da', 'clinical', ['astma'], {'DJ45'})
same('da', 'misspelled', ['astme'], {'DJ45'})
same('en', 'clinical', ['asthma'], {'DJ45'})
same('da', 'clinical', ['lungekræft', 'lungecancer'], {'DC34'})
same('da', 'lay', ['kræft i lungerne'], {'DC34'})
same('da', 'misspelled', ['lungekraeft', 'lungekrft'], {'DC34'})
same('en', 'clinical', ['lung cancer', 'non-small cell lung cancer'], {'DC34'})
same('da', 'clinical', ['type 1-diabetes', 'type 1 diabetes'], {'DE10'})
same('da', 'lay', ['insulinkrævende diabetes', 'ungdomssukkersyge'], {'DE10'})
same('en', 'clinical', ['type 1 diabetes'], {'DE10'})
same('da', 'clinical', ['sclerose', 'multipel sklerose', 'dissemineret sklerose'], {'DG35'})
same('da', 'lay', ['MS'], {'DG35'})
same('da', 'misspelled', ['skleroce'], {'DG35'})
same('en', 'clinical', ['multiple sclerosis'], {'DG35'})
same('da', 'clinical', ['tyktarmskræft', 'koloncancer'], {'DC18'})
same('da', 'lay', ['kræft i tyktarmen', 'tarmkræft'], {'DC18'})
same('da', 'misspelled', ['tyktarmskraeft'], {'DC18'})
same('en', 'clinical', ['colon cancer', 'colorectal cancer'], {'DC18'})
same('da', 'clinical', ['akut myokardieinfarkt', 'hjerteinfarkt'], {'DI21'})
same('da', 'lay', ['blodprop i hjertet', 'hjerteanfald', 'hjertetilfælde'], {'DI21'})
same('en', 'clinical', ['myocardial infarction'], {'DI21'})
same('en', 'lay', ['heart attack'], {'DI21'})
same('da', 'clinical', ['hofteartrose', 'coxartrose'], {'DM16'})
same('da', 'lay', ['slidgigt i hoften', 'slidgigt'], {'DM16'})
same('en', 'clinical', ['hip osteoarthritis', 'osteoarthritis'], {'DM16'})
same('da', 'clinical', ['muskeldystrofi'], {'DG71'})
same('da', 'lay', ['muskelsvind'], {'DG71'})
same('en', 'clinical', ['muscular dystrophy'], {'DG71'})
same('da', 'clinical', ['Alzheimers sygdom', 'alzheimer'], {'DG30'})
same('da', 'lay', ['demens', 'glemsomhed og demens'], {'DG30'})
same('en', 'clinical', ["Alzheimer's disease", 'dementia'], {'DG30'})
same('da', 'clinical', ['KOL', 'kronisk obstruktiv lungesygdom'], {'DJ44'})
same('da', 'lay', ['rygerlunger', 'for store lunger'], {'DJ44'})
same('en', 'clinical', ['COPD', 'chronic obstructive pulmonary disease'], {'DJ44'})
same('da', 'clinical', ['type 2-diabetes', 'type 2 diabetes'], {'DE11'})
same('da', 'lay', ['sukkersyge'], {'DE11', 'DE10'})
same('da', 'lay', ['gammelmandssukkersyge', 'type 2 sukkersyge'], {'DE11'})
same('da', 'misspelled', ['diabetis', 'sukersyge'], {'DE11', 'DE10'})
same('en', 'clinical', ['type 2 diabetes'], {'DE11'})
same('da', 'clinical', ['diabetes'], {'DE11', 'DE10'})
same('en', 'clinical', ['diabetes'], {'DE11', 'DE10'})
same('da', 'clinical', ['brystkræft', 'mammacancer', 'brystcancer'], {'DC50'})
same('da', 'lay', ['kræft i brystet', 'knude i brystet'], {'DC50'})
same('da', 'misspelled', ['brystkraeft', 'brystkræt'], {'DC50'})
same('en', 'clinical', ['breast cancer'], {'DC50'})
# --- areas and broad words ------------------------------------------------------------------------------
same('da', 'area', ['kræft', 'cancer', 'kræftsygdom'], AREAS['cancer'])
same('en', 'area', ['cancer', 'oncology'], AREAS['cancer'])
same('da', 'area', ['hjertesygdom', 'hjertekarsygdom'], AREAS['heart'])
same('en', 'area', ['heart disease', 'cardiovascular disease'], AREAS['heart'])
same('da', 'area', ['lungesygdom'], AREAS['lung'])
same('en', 'area', ['lung disease'], AREAS['lung'])
same('da', 'area', ['psykisk sygdom', 'psykiatri'], AREAS['psych'])
same('en', 'area', ['mental illness'], AREAS['psych'])
same('da', 'area', ['neurologisk sygdom'], AREAS['neuro'])
same('da', 'area', ['sjældne sygdomme'], AREAS['rare'])
same('en', 'area', ['rare diseases'], AREAS['rare'])
# --- interventions --------------------------------------------------------------------------------------
q('da', 'intervention', 'immunterapi', intervention='immunotherapy', any_trial=True)
q('en', 'intervention', 'immunotherapy', intervention='immunotherapy', any_trial=True)
q('da', 'intervention', 'genterapi', intervention='gene therapy', any_trial=True)
q('en', 'intervention', 'gene therapy', intervention='gene therapy', any_trial=True)
q('da', 'intervention', 'ny inhalator', intervention='inhaler', any_trial=True)
q('da', 'intervention', 'biologisk lægemiddel gigt', {'DM05', 'DM16'}, intervention='biological medicine')
q('en', 'intervention', 'immunotherapy lung cancer', {'DC34'}, intervention='immunotherapy')
q('da', 'intervention', 'immunterapi lungekræft', {'DC34'}, intervention='immunotherapy')
# --- places ---------------------------------------------------------------------------------------------
q('da', 'place', 'kræft nær Aarhus', AREAS['cancer'], place='Aarhus')
q('da', 'place', 'kræft i Odense', AREAS['cancer'], place='Odense')
q('da', 'place', 'astma nær Esbjerg', {'DJ45'}, place='Esbjerg')
q('da', 'place', 'depression i Odense', {'DF32'}, place='Odense')
q('da', 'place', 'sclerose nær København', {'DG35'}, place='København')
q('da', 'place', 'diabetes i København', {'DE10', 'DE11'}, place='København')
q('da', 'place', 'leddegigt nær Hillerød', {'DM05'}, place='Hillerød')
q('da', 'place', 'gigt Region Hovedstaden', {'DM05', 'DM16'}, region='Region Hovedstaden')
q('da', 'place', 'hjertesvigt i Region Hovedstaden', {'DI50'}, region='Region Hovedstaden')
q('da', 'place', 'depression Region Sjælland', {'DF32'}, region='Region Sjælland')
q('da', 'place', 'kræft i Region Syddanmark', AREAS['cancer'], region='Region Syddanmark')
q('da', 'place', 'blodprop i hjertet nær Esbjerg', {'DI21'}, place='Esbjerg')
q('da', 'place', 'astma i Vejle', {'DJ45'}, place='Vejle')
q('da', 'place', 'forsøg i Aalborg', place='Aalborg', any_trial=True)
q('da', 'place', 'forsøg nær Thisted', place='Thisted', any_trial=True)
q('da', 'place', 'alzheimer inden for 100 km fra Esbjerg', {'DG30'}, place='Esbjerg', radius=100)
q('da', 'place', 'lungekræft nær Aabenraa', {'DC34'}, place='Aabenraa')
q('da', 'place', 'skizofreni i Odense', {'DF20'}, place='Odense')
q('en', 'place', 'cancer near Aarhus', AREAS['cancer'], place='Aarhus')
q('en', 'place', 'asthma near Esbjerg', {'DJ45'}, place='Esbjerg')
q('en', 'place', 'depression in Copenhagen', {'DF32'}, place='København')
q('en', 'place', 'multiple sclerosis near Copenhagen', {'DG35'}, place='København')
q('en', 'place', 'diabetes in the Capital Region', {'DE10', 'DE11'}, region='Region Hovedstaden')
q('en', 'place', 'heart attack near Esbjerg', {'DI21'}, place='Esbjerg')
q('en', 'place', 'trials in Odense', place='Odense', any_trial=True)
q('da', 'place', 'kraeft naer Aarhus', AREAS['cancer'], place='Aarhus')
# --- filters in words -----------------------------------------------------------------------------------
q('da', 'filter', 'raske frivillige', hv=True, any_trial=True)
q('da', 'filter', 'forsøg for raske frivillige', hv=True, any_trial=True)
q('en', 'filter', 'healthy volunteers', hv=True, any_trial=True)
q('da', 'filter', 'raske frivillige diabetes', {'DE10', 'DE11'}, hv=True)
q('da', 'filter', 'raske frivillige i Odense', hv=True, place='Odense', any_trial=True)
q('en', 'filter', 'healthy volunteers depression', {'DF32'}, hv=True)
q('da', 'filter', 'brystkræft kvinder', {'DC50'}, sex='female')
q('da', 'filter', 'prostatakræft mænd', {'DC61'}, sex='male')
q('da', 'filter', 'kræft kvinder', AREAS['cancer'], sex='female')
q('en', 'filter', 'cancer women', AREAS['cancer'], sex='female')
q('en', 'filter', 'cancer men', AREAS['cancer'], sex='male')
q('da', 'filter', 'depression over 70', {'DF32'}, age=(71, 200))
q('da', 'filter', 'astma over 75', {'DJ45'}, age=(76, 200))
q('da', 'filter', 'sclerose under 30', {'DG35'}, age=(0, 29))
q('da', 'filter', 'kræft over 60', AREAS['cancer'], age=(61, 200))
q('en', 'filter', 'asthma older than 75', {'DJ45'}, age=(76, 200))
q('en', 'filter', 'depression adults', {'DF32'}, age=(18, 200))
q('da', 'filter', 'KOL voksne', {'DJ44'}, age=(18, 200))
q('da', 'filter', 'hjertesvigt 70 år', {'DI50'}, age=(70, 70))
q('da', 'filter', 'leddegigt kvinder over 60', {'DM05'}, sex='female', age=(61, 200))
q('da', 'filter', 'depression under 40 nær København', {'DF32'}, age=(0, 39), place='København')
# --- the real records: the two ClinicalTrials.gov trials with Danish sites -----------------------------------
q('da', 'clinical', 'hidrosadenitis', real={'NCT05819398'})
q('da', 'lay', 'svedkirtelbetændelse', real={'NCT05819398'})
q('en', 'clinical', 'hidradenitis suppurativa', real={'NCT05819398'})
q('da', 'clinical', 'myelomatose', params='status=all', real={'NCT05827016'}, titles=r'myeloma')
q('da', 'lay', 'knoglemarvskræft', params='status=all', real={'NCT05827016'}, titles=r'myeloma')
q('en', 'clinical', 'multiple myeloma', params='status=all', real={'NCT05827016'}, titles=r'myeloma')
# --- the real records: closed trials of the AACT sample, judged by their titles -------------------------
T = dict
q('da', 'closed', 'blindtarmsbetændelse', params='status=all', titles=r'appendic')
q('en', 'closed', 'appendicitis', params='status=all', titles=r'appendic')
q('da', 'closed', 'lyskebrok', params='status=all', titles=r'inguinal hernia|groin hernia')
q('da', 'closed', 'brok', params='status=all', titles=r'hernia')
q('en', 'closed', 'hernia', params='status=all', titles=r'hernia')
q('da', 'closed', 'skjoldbruskkirtel', params='status=all', titles=r'thyroid')
q('da', 'closed', 'stofskiftesygdom', params='status=all', titles=r'thyroid|hypothyroid|hyperthyroid|graves')
q('da', 'closed', 'fedme', params='status=all', titles=r'obes')
q('da', 'closed', 'overvægt', params='status=all', titles=r'obes|overweight')
q('en', 'closed', 'obesity', params='status=all', titles=r'obes')
q('da', 'closed', 'blodprop i hjernen', params='status=all', titles=r'stroke|cerebral infarction|ischemic stroke|ischaemic stroke')
q('da', 'closed', 'apopleksi', params='status=all', titles=r'stroke')
q('da', 'closed', 'slagtilfælde', params='status=all', titles=r'stroke')
q('en', 'closed', 'stroke', params='status=all', titles=r'stroke')
q('da', 'closed', 'hjertestop', params='status=all', titles=r'cardiac arrest')
q('en', 'closed', 'cardiac arrest', params='status=all', titles=r'cardiac arrest')
q('da', 'closed', 'ondt i ryggen', params='status=all', titles=r'back pain|low back|lumbar')
q('da', 'closed', 'lændesmerter', params='status=all', titles=r'back pain|low back')
q('en', 'closed', 'low back pain', params='status=all', titles=r'back pain|low back')
q('da', 'closed', 'søvnløshed', params='status=all', titles=r'insomnia|sleep')
q('da', 'closed', 'alkoholmisbrug', params='status=all', titles=r'alcohol')
q('da', 'closed', 'angst', params='status=all', titles=r'anxiety')
q('en', 'closed', 'anxiety', params='status=all', titles=r'anxiety')
q('da', 'closed', 'blærekræft', params='status=all', titles=r'bladder cancer|urothelial|bladder carcinoma')
q('da', 'closed', 'urininkontinens', params='status=all', titles=r'incontinen')
q('da', 'closed', 'ufrivillig vandladning', params='status=all', titles=r'incontinen')
q('da', 'closed', 'barnløshed', params='status=all', titles=r'infertil|ivf|in vitro fertili')
q('da', 'closed', 'polycystisk ovariesyndrom', params='status=all', titles=r'polycystic ovar|pcos')
q('da', 'closed', 'endometriose', params='status=all', titles=r'endometriosis')
q('da', 'closed', 'modermærkekræft', params='status=all', titles=r'melanoma')
q('en', 'closed', 'melanoma', params='status=all', titles=r'melanoma')
q('da', 'closed', 'leukæmi', params='status=all', titles=r'leuk(a)?emia')
q('da', 'closed', 'blodkræft', params='status=all', titles=r'leuk(a)?emia|lymphoma|myeloma')
q('da', 'closed', 'æggestokkræft', params='status=all', titles=r'ovarian cancer|ovarian carcinoma')
q('da', 'closed', 'livmoderhalskræft', params='status=all', titles=r'cervical cancer|cervical intraepithelial|cervical neoplasia')
q('da', 'closed', 'epilepsi', params='status=all', titles=r'epilep')
q('da', 'closed', 'migræne', params='status=all', titles=r'migraine')
q('da', 'closed', 'knæartrose', params='status=all', titles=r'knee osteoarthritis|osteoarthritis of the knee|knee oa')
q('da', 'closed', 'slidgigt i knæet', params='status=all', titles=r'knee osteoarthritis|osteoarthritis of the knee|knee oa')
q('da', 'closed', 'knoglebrud', params='status=all', titles=r'fracture')
q('da', 'closed', 'hoftebrud', params='status=all', titles=r'hip fracture|femoral neck fracture|fractured hip')
q('da', 'closed', 'for tidlig fødsel', params='status=all', titles=r'preterm')
q('da', 'closed', 'kejsersnit', params='status=all', titles=r'caesarean|cesarean')
q('da', 'closed', 'irritabel tyktarm', params='status=all', titles=r'irritable bowel')
q('da', 'closed', 'nyresvigt', params='status=all', titles=r'kidney failure|renal failure|kidney disease|renal disease|dialysis')
q('da', 'closed', 'forhøjet blodtryk', params='status=all', titles=r'hypertension')
q('da', 'closed', 'psoriasis', params='status=all', titles=r'psoria')
q('da', 'closed', 'blodforgiftning', params='status=all', titles=r'sepsis|septic')
q('da', 'closed', 'ADHD', params='status=all', titles=r'adhd|attention deficit')
q('da', 'closed', 'leddegigt', params='status=all', conditions={'DM05'}, titles=r'rheumatoid arthritis')
q('da', 'closed', 'sukkersyge', params='status=all', conditions={'DE10', 'DE11'}, titles=r'diabet')
q('en', 'closed', 'type 1 diabetes', params='status=all', conditions={'DE10'}, titles=r'type 1 diabetes|type 1-diabetes|t1d')


def demo_grade(t, s):
    if not s['params'] and t['status'] != 'recruiting':
        return 0
    if s['intervention'] and s['intervention'] not in t['title'].lower():
        return 0
    if s['conditions']:
        if t['sks'] in s['conditions']:
            grade = 3
        elif t['sks'] in s['related'] and not s['intervention']:
            grade = 1
        else:
            return 0
    elif s['any_trial'] or s['intervention']:
        grade = 3
    else:
        return 0
    if s['hv'] and not t['hv']:
        return 0
    if s['sex'] and t['sex'] not in (None, s['sex']):
        return 0
    if s['age']:
        low, high = s['age']
        if t['amin'] > high or (t['amax'] is not None and t['amax'] < low):
            return 0
    if s['region'] and not any(site[2] == s['region'] for site in t['sites']):
        return 0
    if s['place']:
        nearest = min(km(TOWNS[s['place']], HOSPITALS[site[0]]) for site in t['sites'])
        if nearest > s['radius']:
            return 0
        if grade == 3 and nearest > (25 if s['radius'] == 50 else s['radius'] / 2):
            grade = 2
    return grade


aact = []
if SHARED:
    with open(os.path.join(SHARED, 'nordic/ctgov_nordic_aact_sample.csv'), encoding='utf-8') as f:
        aact = [(r['nct_id'], (r['brief_title'] + ' ' + r['official_title']).lower())
                for r in csv.DictReader(f) if r['lead_country'] == 'Denmark']

rows = []
for n, s in enumerate(queries, 1):
    judged = {}
    for t in DEMO:
        g = demo_grade(t, s)
        if g:
            judged[t['id']] = g
    for nct in s['real']:
        judged[nct] = 3
    if s['titles']:
        for nct, title in aact:
            if re.search(s['titles'], title):
                judged[nct] = 3
    if not judged or max(judged.values()) < 2:
        print('nothing relevant (grade 2 or more) for', s['text'], file=sys.stderr)
        continue
    judgments = '|'.join(f'{k}={v}' for k, v in sorted(judged.items(), key=lambda kv: (-kv[1], kv[0])))
    rows.append(f"q{len(rows) + 1:03d}\t{s['lang']}\t{s['kind']}\t{s['text']}\t{s['params']}\t{judgments}")

header = open(OUT, encoding='utf-8').read().split('#id\t')[0] if os.path.exists(OUT) else ''
with open(OUT, 'w', encoding='utf-8') as out:
    out.write(header)
    out.write('#id\tlanguage\tkind\tquery\tparameters\tjudgments\n')
    out.write('\n'.join(rows) + '\n')
print(len(rows), 'queries written', file=sys.stderr)
