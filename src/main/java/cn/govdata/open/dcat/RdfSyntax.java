package cn.govdata.open.dcat;

import java.util.List;
import java.util.Optional;

import org.apache.jena.riot.RDFFormat;
import org.springframework.http.MediaType;
import org.springframework.util.MimeTypeUtils;

import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;

/** The syntaxes a DCAT document is written in: by the file extension asked for, or by the Accept header. */
enum RdfSyntax {

    TURTLE("ttl", "text/turtle", RDFFormat.TURTLE_PRETTY),
    JSON_LD("jsonld", "application/ld+json", RDFFormat.JSONLD11_PRETTY),
    RDF_XML("rdf", "application/rdf+xml", RDFFormat.RDFXML_PRETTY);

    private final String extension;
    private final MediaType mediaType;
    private final RDFFormat format;

    RdfSyntax(String extension, String mediaType, RDFFormat format) {
        this.extension = extension;
        this.mediaType = MediaType.parseMediaType(mediaType);
        this.format = format;
    }

    String extension() {
        return extension;
    }

    MediaType mediaType() {
        return mediaType;
    }

    RDFFormat format() {
        return format;
    }

    static Optional<RdfSyntax> byExtension(String extension) {
        for (RdfSyntax syntax : values()) {
            if (syntax.extension.equals(extension)) {
                return Optional.of(syntax);
            }
        }
        return Optional.empty();
    }

    /**
     * The syntax the client prefers among those it accepts (by quality, then by specificity); Turtle when it
     * accepts anything or sends no Accept header; 406 when it accepts none of the three.
     */
    static RdfSyntax negotiated(String accept) {
        if (accept == null || accept.isBlank()) {
            return TURTLE;
        }
        List<MediaType> accepted;
        try {
            accepted = new java.util.ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (IllegalArgumentException e) {
            throw new DomainException(ProblemCode.NOT_ACCEPTABLE);
        }
        MimeTypeUtils.sortBySpecificity(accepted);  // a MediaType ranks by its quality first
        for (MediaType wanted : accepted) {
            if (wanted.getQualityValue() == 0) {
                continue;
            }
            for (RdfSyntax syntax : values()) {
                if (wanted.includes(syntax.mediaType)) {
                    return syntax;
                }
            }
        }
        throw new DomainException(ProblemCode.NOT_ACCEPTABLE);
    }
}
