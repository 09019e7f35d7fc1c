package dk.trialport.search;

import dk.trialport.api.InvalidParameter;

/** A search request that cannot be answered as asked: which parameter, and why. */
public class InvalidSearch extends InvalidParameter {

    public InvalidSearch(String parameter, String message) {
        super(parameter, message);
    }
}
