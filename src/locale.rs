//! The words vitae adds to a résumé, per language: section titles, month
//! names, "present". A profile's own `[titles]` always win over these.

use std::borrow::Cow;

use serde::Serialize;

use crate::profile::model::OwnWords;

/// Words for one locale. The words a profile may replace (`[words]`) are
/// `Cow`s: borrowed from the tables below unless the owner wrote their own.
#[derive(Debug, Clone, Serialize)]
pub struct Words {
    pub present: Cow<'static, str>,
    pub page: Cow<'static, str>,
    pub of: Cow<'static, str>,
    /// The heading of contact details ("Contact", "Kontakt").
    pub contact: Cow<'static, str>,
    /// Between a role and its organisation ("Engineer at Acme", "bei",
    /// "chez"); a mark where the language has no neutral preposition that
    /// fits the role-first order.
    pub at: Cow<'static, str>,
    /// The photo's alt text, for readers who cannot see it (PDF/UA requires
    /// one): "Photo of {}" with the name, or just "Photo" without one.
    #[serde(skip)]
    pub photo: [&'static str; 2],
    /// Labels of the personal details: date of birth, nationality,
    /// driving licence.
    #[serde(skip)]
    pub personal: [&'static str; 3],
    /// Headings of the kinds of publication a `.bib` file's references are
    /// listed under (`bibliography::Kind`, in order).
    #[serde(skip)]
    pub publication_kinds: [&'static str; 5],
    #[serde(skip)]
    pub months: [&'static str; 12],
    #[serde(skip)]
    pub months_short: [&'static str; 12],
    /// Section titles by section id.
    #[serde(skip)]
    pub titles: &'static [(&'static str, &'static str)],
}

impl Words {
    /// These words with the owner's own over them.
    pub fn with_own(&self, own: &OwnWords) -> Words {
        let pick = |own: &Option<toml::Spanned<String>>, ours: &Cow<'static, str>| match own {
            Some(word) => Cow::Owned(word.get_ref().clone()),
            None => ours.clone(),
        };
        Words {
            present: pick(&own.present, &self.present),
            page: pick(&own.page, &self.page),
            of: pick(&own.of, &self.of),
            contact: pick(&own.contact, &self.contact),
            at: pick(&own.at, &self.at),
            ..self.clone()
        }
    }

    /// The photo's alt text: "Photo of Ada Quill", or "Photo" without a name.
    pub fn photo_of(&self, name: Option<&str>) -> String {
        match name {
            Some(name) => self.photo[0].replace("{}", name),
            None => self.photo[1].to_string(),
        }
    }

    pub fn title(&self, id: &str) -> Option<&'static str> {
        self.titles
            .iter()
            .find(|(key, _)| *key == id)
            .map(|(_, title)| *title)
    }
}

/// The locales vitae knows.
pub const LOCALES: [&str; 6] = ["en", "de", "fr", "es", "pt", "hi"];

/// The words for a locale code such as `en` or `pt-BR` (the region is ignored).
pub fn words(locale: &str) -> Option<&'static Words> {
    let language = locale
        .split(['-', '_'])
        .next()
        .unwrap_or(locale)
        .to_ascii_lowercase();
    Some(match language.as_str() {
        "en" => &EN,
        "de" => &DE,
        "fr" => &FR,
        "es" => &ES,
        "pt" => &PT,
        "hi" => &HI,
        _ => return None,
    })
}

static EN: Words = Words {
    present: Cow::Borrowed("Present"),
    page: Cow::Borrowed("Page"),
    of: Cow::Borrowed("of"),
    contact: Cow::Borrowed("Contact"),
    at: Cow::Borrowed("at"),
    photo: ["Photo of {}", "Photo"],
    personal: ["Date of birth", "Nationality", "Driving licence"],
    publication_kinds: [
        "Journal articles",
        "Conference papers",
        "Books and chapters",
        "Theses",
        "Other publications",
    ],
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    months_short: [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ],
    titles: &[
        ("summary", "Summary"),
        ("numbers", "Key Numbers"),
        ("work", "Experience"),
        ("volunteer", "Volunteering"),
        ("education", "Education"),
        ("projects", "Projects"),
        ("skills", "Skills"),
        ("awards", "Awards"),
        ("certificates", "Certificates"),
        ("publications", "Publications"),
        ("languages", "Languages"),
        ("interests", "Interests"),
        ("references", "References"),
    ],
};

static DE: Words = Words {
    present: Cow::Borrowed("heute"),
    page: Cow::Borrowed("Seite"),
    of: Cow::Borrowed("von"),
    contact: Cow::Borrowed("Kontakt"),
    at: Cow::Borrowed("bei"),
    photo: ["Foto von {}", "Foto"],
    personal: ["Geburtsdatum", "Staatsangehörigkeit", "Führerschein"],
    publication_kinds: [
        "Zeitschriftenartikel",
        "Konferenzbeiträge",
        "Bücher und Buchkapitel",
        "Abschlussarbeiten",
        "Weitere Veröffentlichungen",
    ],
    months: [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    months_short: [
        "Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sep.", "Okt.", "Nov.",
        "Dez.",
    ],
    titles: &[
        ("summary", "Profil"),
        ("numbers", "Kennzahlen"),
        ("work", "Berufserfahrung"),
        ("volunteer", "Ehrenamt"),
        ("education", "Ausbildung"),
        ("projects", "Projekte"),
        ("skills", "Kenntnisse"),
        ("awards", "Auszeichnungen"),
        ("certificates", "Zertifikate"),
        ("publications", "Publikationen"),
        ("languages", "Sprachen"),
        ("interests", "Interessen"),
        ("references", "Referenzen"),
    ],
};

static FR: Words = Words {
    present: Cow::Borrowed("aujourd’hui"),
    page: Cow::Borrowed("Page"),
    of: Cow::Borrowed("sur"),
    contact: Cow::Borrowed("Contact"),
    at: Cow::Borrowed("chez"),
    photo: ["Photo de {}", "Photo"],
    personal: ["Date de naissance", "Nationalité", "Permis de conduire"],
    publication_kinds: [
        "Articles de revue",
        "Communications",
        "Livres et chapitres",
        "Thèses et mémoires",
        "Autres publications",
    ],
    months: [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    months_short: [
        "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
        "déc.",
    ],
    titles: &[
        ("summary", "Profil"),
        ("numbers", "Chiffres clés"),
        ("work", "Expérience professionnelle"),
        ("volunteer", "Bénévolat"),
        ("education", "Formation"),
        ("projects", "Projets"),
        ("skills", "Compétences"),
        ("awards", "Distinctions"),
        ("certificates", "Certifications"),
        ("publications", "Publications"),
        ("languages", "Langues"),
        ("interests", "Centres d’intérêt"),
        ("references", "Références"),
    ],
};

static ES: Words = Words {
    present: Cow::Borrowed("actualidad"),
    page: Cow::Borrowed("Página"),
    of: Cow::Borrowed("de"),
    contact: Cow::Borrowed("Contacto"),
    at: Cow::Borrowed("en"),
    photo: ["Foto de {}", "Foto"],
    personal: ["Fecha de nacimiento", "Nacionalidad", "Permiso de conducir"],
    publication_kinds: [
        "Artículos de revista",
        "Ponencias en congresos",
        "Libros y capítulos",
        "Tesis",
        "Otras publicaciones",
    ],
    months: [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    months_short: [
        "ene.", "feb.", "mar.", "abr.", "may.", "jun.", "jul.", "ago.", "sept.", "oct.", "nov.",
        "dic.",
    ],
    titles: &[
        ("summary", "Perfil"),
        ("numbers", "Cifras clave"),
        ("work", "Experiencia"),
        ("volunteer", "Voluntariado"),
        ("education", "Formación"),
        ("projects", "Proyectos"),
        ("skills", "Habilidades"),
        ("awards", "Premios"),
        ("certificates", "Certificaciones"),
        ("publications", "Publicaciones"),
        ("languages", "Idiomas"),
        ("interests", "Intereses"),
        ("references", "Referencias"),
    ],
};

static PT: Words = Words {
    present: Cow::Borrowed("atual"),
    page: Cow::Borrowed("Página"),
    of: Cow::Borrowed("de"),
    contact: Cow::Borrowed("Contato"),
    at: Cow::Borrowed("em"),
    photo: ["Foto de {}", "Foto"],
    personal: ["Data de nascimento", "Nacionalidade", "Carta de condução"],
    publication_kinds: [
        "Artigos em revistas",
        "Artigos em conferências",
        "Livros e capítulos",
        "Teses e dissertações",
        "Outras publicações",
    ],
    months: [
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ],
    months_short: [
        "jan.", "fev.", "mar.", "abr.", "maio", "jun.", "jul.", "ago.", "set.", "out.", "nov.",
        "dez.",
    ],
    titles: &[
        ("summary", "Resumo"),
        ("numbers", "Números-chave"),
        ("work", "Experiência"),
        ("volunteer", "Voluntariado"),
        ("education", "Formação"),
        ("projects", "Projetos"),
        ("skills", "Competências"),
        ("awards", "Prêmios"),
        ("certificates", "Certificados"),
        ("publications", "Publicações"),
        ("languages", "Idiomas"),
        ("interests", "Interesses"),
        ("references", "Referências"),
    ],
};

static HI: Words = Words {
    present: Cow::Borrowed("वर्तमान"),
    page: Cow::Borrowed("पृष्ठ"),
    of: Cow::Borrowed("में से"),
    contact: Cow::Borrowed("संपर्क"),
    at: Cow::Borrowed("·"),
    photo: ["{} की फ़ोटो", "फ़ोटो"],
    personal: ["जन्म तिथि", "राष्ट्रीयता", "ड्राइविंग लाइसेंस"],
    publication_kinds: [
        "शोध-पत्रिका लेख",
        "सम्मेलन पत्र",
        "पुस्तकें और अध्याय",
        "शोध-प्रबंध",
        "अन्य प्रकाशन",
    ],
    months: [
        "जनवरी",
        "फ़रवरी",
        "मार्च",
        "अप्रैल",
        "मई",
        "जून",
        "जुलाई",
        "अगस्त",
        "सितंबर",
        "अक्तूबर",
        "नवंबर",
        "दिसंबर",
    ],
    months_short: [
        "जन॰",
        "फ़र॰",
        "मार्च",
        "अप्रैल",
        "मई",
        "जून",
        "जुल॰",
        "अग॰",
        "सित॰",
        "अक्तू॰",
        "नव॰",
        "दिस॰",
    ],
    titles: &[
        ("summary", "सारांश"),
        ("numbers", "मुख्य आँकड़े"),
        ("work", "अनुभव"),
        ("volunteer", "स्वयंसेवा"),
        ("education", "शिक्षा"),
        ("projects", "परियोजनाएँ"),
        ("skills", "कौशल"),
        ("awards", "पुरस्कार"),
        ("certificates", "प्रमाणपत्र"),
        ("publications", "प्रकाशन"),
        ("languages", "भाषाएँ"),
        ("interests", "रुचियाँ"),
        ("references", "संदर्भ"),
    ],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_titles_every_builtin_section() {
        for code in LOCALES {
            let words = words(code).unwrap();
            for (id, _) in EN.titles {
                assert!(words.title(id).is_some(), "{code} lacks a title for {id}");
            }
        }
        assert!(words("pt-BR").is_some());
        assert!(words("xx").is_none());
    }
}
