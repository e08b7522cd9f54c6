#pragma once

#include "common/result.h"
#include "subjectaccess/subjectaccess.h"
#include "subjectaccess/subjectaccessexport.h"

#include <QByteArray>
#include <QString>

namespace earlyhelp::documents {

// Returns the export as HTML that QTextDocument lays out. A cover gives the
// person's name, date of birth, organisation, the date made (dd/MM/yyyy) and
// a count per section. Each section's disclosed items follow in
// subjectaccess::allSections() order. "Information withheld" ends it, with
// each reason and the section, title and date of each item withheld for it.
// Every text from the store is escaped. review must pass checkReview().
[[nodiscard]] QString subjectAccessHtml(const subjectaccess::Collection& collection,
                                        const subjectaccess::Review& review, const subjectaccess::ExportInfo& info);

// Renders subjectAccessHtml() as an A4 PDF with page numbers, whose text
// pdftotext and screen readers can extract. Needs a QGuiApplication (any
// platform, offscreen included) for its fonts. Io when Qt cannot write the
// PDF.
[[nodiscard]] Result<QByteArray> subjectAccessPdf(const subjectaccess::Collection& collection,
                                                  const subjectaccess::Review& review,
                                                  const subjectaccess::ExportInfo& info);

} // namespace earlyhelp::documents
